import Foundation
import GridMapGeometry

/// Patrol fixes from GeoJSON: a FeatureCollection, a Feature, or a bare geometry (whose foreign
/// members then stand for the properties). A Point carries its time in `time`; a LineString or
/// MultiPoint one time per position in `times` or `coordTimes` (the togeojson spelling); a
/// MultiLineString an array of such arrays, one per line. Times are ISO 8601 strings or epoch
/// numbers. `member`, `accuracy` and `crs` properties apply to every fix of the feature.
enum PatrolGeoJSONReader {
    static func fixes(_ data: Data, options: PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix] {
        let root: JSONValue
        do { root = try JSONValue.parse(data) } catch { throw PatrolParseError(.malformedJSON, "\(error)") }
        switch root["type"]?.string {
        case "FeatureCollection":
            guard let features = root["features"]?.array else {
                throw PatrolParseError(.malformedJSON, "the FeatureCollection has no \"features\" array")
            }
            var fixes: [PatrolFix] = []
            for (index, feature) in features.enumerated() {
                fixes += try self.feature(feature, place: "feature \(index)", options: options)
            }
            return fixes
        case "Feature":
            return try feature(root, place: "the feature", options: options)
        case let type? where geometryTypes.contains(type):
            return try fixes(root, properties: root.object ?? [:], place: "the geometry", options: options)
        default:
            throw PatrolParseError(.malformedJSON, "not a GeoJSON FeatureCollection, Feature or geometry")
        }
    }

    private static let geometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString"]

    private static func feature(_ feature: JSONValue, place: String, options: PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix] {
        guard feature["type"]?.string == "Feature" else { throw PatrolParseError(.malformedJSON, "\(place): not a Feature") }
        guard let geometry = feature["geometry"], geometry != .null else {
            throw PatrolParseError(.malformedJSON, "\(place): no geometry")
        }
        return try fixes(geometry, properties: feature["properties"]?.object ?? [:], place: place, options: options)
    }

    private static func fixes(_ geometry: JSONValue, properties: [String: JSONValue], place: String,
                              options: PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix] {
        let type = geometry["type"]?.string
        guard let type, geometryTypes.contains(type) else {
            throw PatrolParseError(.malformedJSON, "\(place): geometry type \(type ?? "null") is not one of "
                + geometryTypes.joined(separator: ", "))
        }
        let shared = try Shared(properties, place: place, options: options)
        let coordinates = geometry["coordinates"]
        let timesName = properties["times"] != nil ? "times" : "coordTimes"
        let times = properties[timesName]
        switch type {
        case "Point":
            guard let time = properties["time"] else { throw PatrolParseError(.missingTime, "\(place): no time property") }
            return [try shared.fix(coordinates, path: "coordinates", time: time, timePath: "time")]
        case "LineString", "MultiPoint":
            return try shared.fixes(coordinates, path: "coordinates", times: times, timesPath: timesName)
        default:  // MultiLineString
            guard let lines = coordinates?.array else {
                throw PatrolParseError(.malformedJSON, "\(place): coordinates is not an array of lines")
            }
            let lineTimes = try shared.times(times, path: timesName, count: lines.count, per: "line")
            var fixes: [PatrolFix] = []
            for (index, line) in lines.enumerated() {
                fixes += try shared.fixes(line, path: "coordinates[\(index)]", times: lineTimes[index],
                                          timesPath: "\(timesName)[\(index)]")
            }
            return fixes
        }
    }

    /// What a feature's properties give every fix of it.
    private struct Shared {
        let place: String
        let member: String
        let crs: CoordinateSystem
        let accuracy: Double?

        init(_ properties: [String: JSONValue], place: String, options: PatrolParseOptions) throws(PatrolParseError) {
            self.place = place
            switch properties["member"] {
            case .string(let text) where !text.isEmpty: member = try PatrolFields.member(text, at: place)
            case .number(let number): member = try PatrolFields.member(GeoJSON.json(number), at: place)
            case .string, .null, nil:
                guard let given = options.member else {
                    throw PatrolParseError(.missingMember, "\(place): no member property, and none was given for the file")
                }
                member = given
            default: throw PatrolParseError(.malformedJSON, "\(place): member must be a string")
            }
            switch properties["crs"] {
            case .string(let text): crs = try PatrolFields.crs(text, at: place)
            case .null, nil: crs = options.crs
            default: throw PatrolParseError(.unknownCRS, "\(place): crs must be a string")
            }
            switch properties["accuracy"] {
            case .number(let metres): accuracy = try PatrolFields.accuracy(metres, at: place)
            case .null, nil: accuracy = nil
            default: throw PatrolParseError(.invalidAccuracy, "\(place): accuracy must be a number of metres")
            }
        }

        /// One fix per position, with one time per position.
        func fixes(_ positions: JSONValue?, path: String, times: JSONValue?, timesPath: String) throws(PatrolParseError) -> [PatrolFix] {
            guard let positions = positions?.array else {
                throw PatrolParseError(.malformedJSON, "\(place): \(path) is not an array of positions")
            }
            let times = try self.times(times, path: timesPath, count: positions.count, per: "position")
            var fixes: [PatrolFix] = []
            for (index, position) in positions.enumerated() {
                fixes.append(try fix(position, path: "\(path)[\(index)]", time: times[index], timePath: "\(timesPath)[\(index)]"))
            }
            return fixes
        }

        /// The array of times that must go with `count` positions (or lines).
        func times(_ times: JSONValue?, path: String, count: Int, per item: String) throws(PatrolParseError) -> [JSONValue] {
            guard let times else {
                throw PatrolParseError(.missingTime, "\(place): no times or coordTimes property with a time per position")
            }
            guard let array = times.array else { throw PatrolParseError(.invalidTime, "\(place): \(path) is not an array") }
            guard array.count == count else {
                throw PatrolParseError(.invalidTime, "\(place): \(path) has \(array.count) times for \(count) \(item)s")
            }
            return array
        }

        func fix(_ position: JSONValue?, path: String, time: JSONValue, timePath: String) throws(PatrolParseError) -> PatrolFix {
            guard let pair = position?.array, pair.count >= 2, let lon = pair[0].number, let lat = pair[1].number else {
                throw PatrolParseError(.malformedJSON, "\(place): \(path) is not a [longitude, latitude] position")
            }
            let coordinate = try PatrolFields.coordinate(lon, lat, at: "\(place) \(path)")
            return PatrolFix(member: member, milliseconds: try milliseconds(time, at: "\(place) \(timePath)"),
                             position: coordinate, crs: crs, accuracy: accuracy)
        }

        private func milliseconds(_ time: JSONValue, at place: String) throws(PatrolParseError) -> Int64 {
            switch time {
            case .string(let text):
                guard let ms = PatrolFields.milliseconds(text) else { throw PatrolFields.invalidTime(text, at: place) }
                return ms
            case .number(let epoch):
                guard let ms = PatrolFields.milliseconds(epoch: epoch) else {
                    throw PatrolFields.invalidTime(GeoJSON.json(epoch), at: place)
                }
                return ms
            default:
                throw PatrolParseError(.invalidTime, "\(place): a time must be a string or a number")
            }
        }
    }
}
