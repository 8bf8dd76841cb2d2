import Foundation
import GridMapGeometry

/// Reads a bulk resolve body given as a GeoJSON FeatureCollection of Points.
enum GeoJSONPoints {
    static func parse(_ data: Data, maxPoints: Int) throws -> PointList {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw APIError.badRequest("malformed_body", "the body is not a JSON object")
        }
        guard root["type"] as? String == "FeatureCollection", let features = root["features"] as? [Any] else {
            throw APIError.badRequest("malformed_body", "a GeoJSON body must be a FeatureCollection with \"features\"")
        }
        guard features.count <= maxPoints else {
            throw APIError(.contentTooLarge, "too_many_points", "more than \(maxPoints) points (the server's limit)")
        }
        var list = PointList()
        list.crs = root["crs"] as? String
        list.values.reserveCapacity(features.count * 2)
        for (i, feature) in features.enumerated() {
            guard let geometry = (feature as? [String: Any])?["geometry"] as? [String: Any],
                  geometry["type"] as? String == "Point", let coordinates = geometry["coordinates"] as? [Any],
                  coordinates.count >= 2,
                  let lon = (coordinates[0] as? NSNumber)?.doubleValue, let lat = (coordinates[1] as? NSNumber)?.doubleValue
            else { throw APIError.badRequest("malformed_body", "features[\(i)] is not a Feature with a Point geometry") }
            list.values.append(lon)
            list.values.append(lat)
        }
        return list
    }
}
