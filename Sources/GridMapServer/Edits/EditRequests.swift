import GridMapCore
import GridMapGeometry

/// `POST /v1/edits` and `/v1/edits/preview` bodies: `op` and its fields, plus `reason` (required to
/// commit). Geometries are GeoJSON geometry objects or Features holding one.
///
/// - `redraw_grid`: `grid`, `geometry` (Polygon/MultiPolygon), optional `give_to`
/// - `split_grid`: `grid`, `line` (LineString), optional `new_code`, `new_name`
/// - `merge_grids`: `grids` (two or more codes), optional `into`, `name`
/// - `move_grid`: `grid`, `village`
/// - `redraw_village`: `village`, `geometry`, optional `give_to`
///
/// Work is bounded before any geometry is computed: a geometry or line has at most
/// ``maxVertices`` vertices, a name at most ``maxNameLength`` characters (no control
/// characters), a reason at most ``maxReasonLength``.
enum EditRequestParser {
    static let operations = ["redraw_grid", "split_grid", "merge_grids", "move_grid", "redraw_village"]
    /// Far above any hand-drawn village outline (the sample's largest has ~1,300), far below the
    /// 100,000 vertices whose preview took 9 s.
    static let maxVertices = 20_000
    static let maxNameLength = 64
    static let maxReasonLength = 1_000

    static func parse(_ body: JSONBody) throws -> (edit: BoundaryEdit, reason: String?) {
        let op = try body.requiredString("op")
        let edit: BoundaryEdit
        switch op {
        case "redraw_grid":
            edit = .redrawGrid(code: try body.requiredString("grid"), geometry: try polygons(body, "geometry"),
                               giveTo: try body.optionalString("give_to"))
        case "split_grid":
            edit = .splitGrid(code: try body.requiredString("grid"), line: try line(body, "line"),
                              newCode: try body.optionalString("new_code"), newName: try name(body, "new_name"))
        case "merge_grids":
            edit = .mergeGrids(codes: try codes(body, "grids"), into: try body.optionalString("into"), name: try name(body, "name"))
        case "move_grid":
            edit = .moveGrid(code: try body.requiredString("grid"), toVillage: try body.requiredString("village"))
        case "redraw_village":
            edit = .redrawVillage(code: try body.requiredString("village"), geometry: try polygons(body, "geometry"),
                                  giveTo: try body.optionalString("give_to"))
        default:
            throw APIError.badRequest("invalid_field", "'op': unknown operation '\(op)' (one of: \(operations.joined(separator: ", ")))")
        }
        return (edit, try text(body, "reason", maxLength: maxReasonLength))
    }

    private static func name(_ body: JSONBody, _ key: String) throws -> String? {
        try text(body, key, maxLength: maxNameLength)
    }

    private static func text(_ body: JSONBody, _ key: String, maxLength: Int) throws -> String? {
        guard let text = try body.optionalString(key) else { return nil }
        guard text.count <= maxLength else {
            throw APIError.badRequest("invalid_field", "'\(key)' has \(text.count) characters; at most \(maxLength)")
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw APIError.badRequest("invalid_field", "'\(key)' must not contain control characters (newlines, tabs)")
        }
        return text
    }

    private static func checkVertices(_ count: Int, _ key: String) throws {
        guard count <= maxVertices else {
            throw APIError.badRequest("too_many_vertices", "'\(key)' has \(count) vertices; at most \(maxVertices) in one edit")
        }
    }

    private static func geometry(_ body: JSONBody, _ key: String) throws -> JSONValue {
        guard let value = body.fields[key], value != .null else { throw APIError.badRequest("missing_field", "'\(key)' is required") }
        return value["type"]?.string == "Feature" ? value["geometry"] ?? .null : value
    }

    private static func polygons(_ body: JSONBody, _ key: String) throws -> MultiPolygon {
        do {
            let polygons = try GeoJSON.multiPolygon(try geometry(body, key))
            try checkVertices(polygons.vertexCount, key)
            return polygons
        } catch let error as GeoJSONError {
            throw APIError.badRequest("invalid_geometry", "'\(key)': \(error)")
        }
    }

    private static func line(_ body: JSONBody, _ key: String) throws -> [Coordinate] {
        let value = try geometry(body, key)
        guard value["type"]?.string == "LineString", let positions = value["coordinates"]?.array, positions.count >= 2 else {
            throw APIError.badRequest("invalid_geometry", "'\(key)' must be a GeoJSON LineString with two or more positions")
        }
        try checkVertices(positions.count, key)
        do {
            return try positions.enumerated().map { try GeoJSON.position($1, path: "\(key).coordinates[\($0)]") }
        } catch let error as GeoJSONError {
            throw APIError.badRequest("invalid_geometry", "\(error)")
        }
    }

    private static func codes(_ body: JSONBody, _ key: String) throws -> [String] {
        guard let values = body.fields[key]?.array, values.count >= 2, values.allSatisfy({ $0.string?.isEmpty == false }) else {
            throw APIError.badRequest("invalid_field", "'\(key)' must list two or more grid codes")
        }
        return values.compactMap(\.string)
    }
}
