import Foundation
import GridMapCore
import GridMapExport
import GridMapGeometry
import GridMapSpatiaLite

/// The sample towns with their events, shared by the export and OGC tests (read only).
public enum ExportSample {
    public static let store: Result<SpatiaLiteStore, any Error> = Result {
        let store = try Fixtures.storeWithEvents(["dagangtou", "ganpu"])
        try recordOperation(in: store)
        return store
    }

    /// One joint operation (联合执法) over dagangtou's first village, for the operations layer.
    static func recordOperation(in store: SpatiaLiteStore) throws {
        let snapshot = try store.snapshot()
        guard let village = snapshot.villages.map(\.unit).filter({ $0.parentCode == "331102102000" }).map(\.code).min() else { return }
        let draft = OperationDraft(title: "夜间联合整治", offices: ["派出所", "综合行政执法队"], area: .villages([village]),
                                   start: "2025-06-01T12:00:00.000Z", end: "2025-06-01T16:00:00.000Z", events: [], outcome: "查处3起",
                                   notes: nil)
        _ = try store.recordOperation(try draft.resolved(in: snapshot, within: .everywhere, by: "值班员", at: "2025-06-02T00:00:00.000Z"))
    }

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
        case .operations: "operations"
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
