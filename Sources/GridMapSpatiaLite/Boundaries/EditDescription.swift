import GridMapCore
import GridMapGeometry

/// A boundary edit as JSON text, kept with each change (`boundary_changes.operation`).
enum EditDescription {
    static func json(_ edit: BoundaryEdit) -> String {
        var fields: [(String, String)] = [("op", quoted(edit.name))]
        switch edit {
        case .redrawGrid(let code, let geometry, let giveTo):
            fields += [("grid", quoted(code)), ("give_to", giveTo.map(quoted) ?? "null"), ("geometry", GeoJSON.geometryText(geometry))]
        case .redrawVillage(let code, let geometry, let giveTo):
            fields += [("village", quoted(code)), ("give_to", giveTo.map(quoted) ?? "null"), ("geometry", GeoJSON.geometryText(geometry))]
        case .splitGrid(let code, let line, let newCode, let newName):
            let coordinates = line.map { "[\(GeoJSON.json($0.x)),\(GeoJSON.json($0.y))]" }.joined(separator: ",")
            fields += [("grid", quoted(code)), ("new_code", newCode.map(quoted) ?? "null"), ("new_name", newName.map(quoted) ?? "null"),
                       ("line", "{\"type\":\"LineString\",\"coordinates\":[\(coordinates)]}")]
        case .mergeGrids(let codes, let into, let name):
            fields += [("grids", "[" + codes.map(quoted).joined(separator: ",") + "]"), ("into", into.map(quoted) ?? "null"),
                       ("name", name.map(quoted) ?? "null")]
        case .moveGrid(let code, let village):
            fields += [("grid", quoted(code)), ("village", quoted(village))]
        }
        return "{" + fields.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String { jsonText(text) }
}
