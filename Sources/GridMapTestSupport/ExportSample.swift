import Foundation
import GridMapCore
import GridMapExport
import GridMapGeometry
import GridMapSpatiaLite

/// The sample towns with their events, shared by the export and OGC tests (read only).
public enum ExportSample {
    public static let store: Result<SpatiaLiteStore, any Error> = Result { try Fixtures.storeWithEvents(["dagangtou", "ganpu"]) }

    /// Coverage needs a period; the sample has no patrols, so every grid is uncovered in it.
    public static let options: [ExportLayer: ExportOptions] = [.coverage: ExportOptions(from: "2025-11-01", to: "2025-11-04")]

    /// How many features a layer has, counted by SpatiaLite itself (GDAL's SQLite dialect on the
    /// store file).
    public static func count(_ layer: ExportLayer, _ store: SpatiaLiteStore) throws -> Int {
        let table = switch layer {
        case .towns: "town_boundaries WHERE valid_to IS NULL"
        case .villages: "village_boundaries WHERE valid_to IS NULL"
        case .grids, .coverage, .density: "grid_boundaries WHERE valid_to IS NULL"
        case .events: "events"
        }
        return Int(try sql("SELECT count(*) AS n FROM \(table)", store)[0]["n"]!)!
    }

    /// Rows of a SpatiaLite query on the store, through `ogrinfo` (an independent reader).
    public static func sql(_ query: String, _ store: SpatiaLiteStore) throws -> [[String: String]] {
        let text = String(decoding: try ExternalTool.run("/usr/bin/ogrinfo", ["-ro", "-q", "-dialect", "SQLite", "-sql", query, store.path]),
                          as: UTF8.self)
        return OGRInfo.features(text)
    }
}

/// Reads `ogrinfo`'s text output.
public enum OGRInfo {
    /// The attribute values of each `OGRFeature` block, by field name.
    public static func features(_ text: String) -> [[String: String]] {
        var rows: [[String: String]] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("OGRFeature") { rows.append([:]); continue }
            guard !rows.isEmpty, let equals = line.range(of: " = "), let open = line.range(of: " (") else { continue }
            let name = line[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
            rows[rows.count - 1][name] = String(line[equals.upperBound...])
        }
        return rows
    }

    /// "Feature Count: N" of a summary.
    public static func featureCount(_ summary: String) -> Int? {
        summary.split(separator: "\n").first { $0.hasPrefix("Feature Count: ") }.flatMap { Int($0.dropFirst("Feature Count: ".count)) }
    }
}

extension ExportGeometryType {
    /// How `ogrinfo` names the type in a Shapefile (polygons of any part count) or elsewhere.
    public func ogrName(shapefile: Bool) -> String {
        switch self {
        case .point: "Point"
        case .multiPolygon: shapefile ? "Polygon" : "Multi Polygon"
        }
    }
}
