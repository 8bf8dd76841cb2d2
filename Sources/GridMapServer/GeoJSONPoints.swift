import Foundation
import GridMapGeometry

/// Reads a bulk resolve body given as a GeoJSON FeatureCollection of Points.
enum GeoJSONPoints {
    static func parse(_ data: Data, maxPoints: Int) throws -> PointList {
        let root: JSONValue
        do { root = try JSONValue.parse(data) } catch let error as GeoJSONError {
            throw APIError.badRequest("malformed_body", error.description)
        }
        guard root["type"]?.string == "FeatureCollection", let features = root["features"]?.array else {
            throw APIError.badRequest("malformed_body", "a GeoJSON body must be a FeatureCollection with \"features\"")
        }
        guard features.count <= maxPoints else {
            throw APIError(.contentTooLarge, "too_many_points", "more than \(maxPoints) points (the server's limit)")
        }
        var list = PointList()
        list.values.reserveCapacity(features.count * 2)
        for (i, feature) in features.enumerated() {
            guard feature["geometry"]?["type"]?.string == "Point", let position = feature["geometry"]?["coordinates"]?.array,
                  position.count >= 2, let lon = position[0].number, let lat = position[1].number
            else { throw APIError.badRequest("malformed_body", "features[\(i)] is not a Feature with a Point geometry") }
            list.values.append(lon)
            list.values.append(lat)
        }
        return list
    }
}
