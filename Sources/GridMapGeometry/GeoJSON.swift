import Foundation

/// A GeoJSON Feature whose geometry is a Polygon or MultiPolygon (normalised to a MultiPolygon).
public struct PolygonFeature: Sendable {
    /// Position of the feature in its collection (0-based), for error messages.
    public var index: Int
    public var geometry: MultiPolygon
    /// Properties with string or number values, as strings (numbers in their JSON spelling).
    public var properties: [String: String]
    /// All properties as a JSON object text (sorted keys), kept as the feature's attributes.
    public var propertiesJSON: String
}

/// A problem in a GeoJSON document, with where it is.
public struct GeoJSONError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reading of RFC 7946 GeoJSON.
public enum GeoJSON {
    /// Reads a FeatureCollection of Polygon/MultiPolygon features.
    public static func polygonFeatures(from data: Data) throws -> [PolygonFeature] {
        let root = try JSONValue.parse(data)
        guard root["type"]?.string == "FeatureCollection", let features = root["features"]?.array
        else { throw GeoJSONError("not a GeoJSON FeatureCollection with a \"features\" array") }
        return try features.enumerated().map { index, feature in
            guard feature["type"]?.string == "Feature" else {
                throw GeoJSONError("feature \(index): not a GeoJSON Feature object")
            }
            let properties = feature["properties"]?.object ?? [:]
            do {
                return PolygonFeature(index: index, geometry: try multiPolygon(feature["geometry"]),
                                      properties: properties.compactMapValues(scalarString),
                                      propertiesJSON: JSONValue.object(properties).text)
            } catch let error as GeoJSONError {
                let code = properties["code"].flatMap(scalarString).map { " (code \($0))" } ?? ""
                throw GeoJSONError("feature \(index)\(code): \(error.description)")
            }
        }
    }

    /// Reads a Polygon or MultiPolygon geometry object.
    public static func multiPolygon(_ geometry: JSONValue?) throws -> MultiPolygon {
        guard let geometry, let type = geometry["type"]?.string else { throw GeoJSONError("missing geometry") }
        guard let coordinates = geometry["coordinates"]?.array else {
            throw GeoJSONError("geometry has no \"coordinates\" array")
        }
        switch type {
        case "Polygon": return MultiPolygon([try polygon(coordinates, path: "coordinates")])
        case "MultiPolygon":
            guard !coordinates.isEmpty else { throw GeoJSONError("empty MultiPolygon") }
            return MultiPolygon(try coordinates.enumerated().map { i, part in
                guard let rings = part.array else { throw GeoJSONError("coordinates[\(i)] is not an array of rings") }
                return try polygon(rings, path: "coordinates[\(i)]")
            })
        default: throw GeoJSONError("geometry type \(type) is not Polygon or MultiPolygon")
        }
    }

    /// Reads one position `[lon, lat]`, checking it is finite and in range.
    public static func position(_ value: JSONValue, path: String) throws -> Coordinate {
        guard let pair = value.array, pair.count >= 2, let lon = pair[0].number, let lat = pair[1].number
        else { throw GeoJSONError("\(path) is not a [longitude, latitude] position") }
        let c = Coordinate(lon, lat)
        if let problem = CoordinateProblem(c) { throw GeoJSONError("\(path): \(problem)") }
        return c
    }

    private static func polygon(_ rings: [JSONValue], path: String) throws -> Polygon {
        guard !rings.isEmpty else { throw GeoJSONError("\(path): polygon has no rings") }
        let parsed: [Ring] = try rings.enumerated().map { i, ring in
            let ringPath = "\(path)[\(i)]"
            guard let positions = ring.array else { throw GeoJSONError("\(ringPath) is not an array of positions") }
            let coordinates = try positions.enumerated().map { try position($1, path: "\(ringPath)[\($0)]") }
            guard coordinates.count >= 4 else {
                throw GeoJSONError("\(ringPath): a ring needs at least 4 positions, has \(coordinates.count)")
            }
            guard coordinates.first == coordinates.last else {
                throw GeoJSONError("\(ringPath): ring is not closed (first position differs from last)")
            }
            return coordinates
        }
        return Polygon(exterior: parsed[0], holes: Array(parsed.dropFirst()))
    }

    /// A string or number property as text (integral numbers without a fraction).
    private static func scalarString(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return json(n)
        default: return nil
        }
    }
}

extension GeoJSON {
    /// Shortest round-tripping JSON spelling of a finite double.
    public static func json(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }
}

/// What makes a longitude/latitude pair unusable, with a hint when the two look swapped.
public enum CoordinateProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case notFinite(Coordinate)
    /// A latitude beyond ±90; `looksSwapped` when the longitude would be a valid latitude.
    case latitudeOutOfRange(Double, looksSwapped: Bool)
    case longitudeOutOfRange(Double)

    /// The problem of `c`, or nil when it is a valid lon/lat.
    public init?(_ c: Coordinate) {
        if !c.x.isFinite || !c.y.isFinite {
            self = .notFinite(c)
        } else if abs(c.y) > 90 {
            self = .latitudeOutOfRange(c.y, looksSwapped: abs(c.x) <= 90)
        } else if abs(c.x) > 180 {
            self = .longitudeOutOfRange(c.x)
        } else {
            return nil
        }
    }

    public var looksSwapped: Bool {
        if case .latitudeOutOfRange(_, true) = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .notFinite(let c): "coordinates must be finite numbers (got \(c.x), \(c.y))"
        case .latitudeOutOfRange(let y, let swapped):
            "latitude \(y) is out of range [-90, 90]" + (swapped ? "; longitude and latitude look swapped (GeoJSON order is [lon, lat])" : "")
        case .longitudeOutOfRange(let x): "longitude \(x) is out of range [-180, 180]"
        }
    }
}
