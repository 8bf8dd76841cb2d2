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
enum EditRequestParser {
    static let operations = ["redraw_grid", "split_grid", "merge_grids", "move_grid", "redraw_village"]

    static func parse(_ body: JSONBody) throws -> (edit: BoundaryEdit, reason: String?) {
        let op = try body.requiredString("op")
        let edit: BoundaryEdit
        switch op {
        case "redraw_grid":
            edit = .redrawGrid(code: try body.requiredString("grid"), geometry: try polygons(body, "geometry"),
                               giveTo: try body.optionalString("give_to"))
        case "split_grid":
            edit = .splitGrid(code: try body.requiredString("grid"), line: try line(body, "line"),
                              newCode: try body.optionalString("new_code"), newName: try body.optionalString("new_name"))
        case "merge_grids":
            edit = .mergeGrids(codes: try codes(body, "grids"), into: try body.optionalString("into"), name: try body.optionalString("name"))
        case "move_grid":
            edit = .moveGrid(code: try body.requiredString("grid"), toVillage: try body.requiredString("village"))
        case "redraw_village":
            edit = .redrawVillage(code: try body.requiredString("village"), geometry: try polygons(body, "geometry"),
                                  giveTo: try body.optionalString("give_to"))
        default:
            throw APIError.badRequest("invalid_field", "'op': unknown operation '\(op)' (one of: \(operations.joined(separator: ", ")))")
        }
        return (edit, try body.optionalString("reason"))
    }

    private static func geometry(_ body: JSONBody, _ key: String) throws -> JSONValue {
        guard let value = body.fields[key], value != .null else { throw APIError.badRequest("missing_field", "'\(key)' is required") }
        return value["type"]?.string == "Feature" ? value["geometry"] ?? .null : value
    }

    private static func polygons(_ body: JSONBody, _ key: String) throws -> MultiPolygon {
        do {
            return try GeoJSON.multiPolygon(try geometry(body, key))
        } catch let error as GeoJSONError {
            throw APIError.badRequest("invalid_geometry", "'\(key)': \(error)")
        }
    }

    private static func line(_ body: JSONBody, _ key: String) throws -> [Coordinate] {
        let value = try geometry(body, key)
        guard value["type"]?.string == "LineString", let positions = value["coordinates"]?.array, positions.count >= 2 else {
            throw APIError.badRequest("invalid_geometry", "'\(key)' must be a GeoJSON LineString with two or more positions")
        }
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
