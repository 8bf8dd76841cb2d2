import GridMapExport

/// The feature collections served over OGC API - Features: the boundary layers and the events,
/// with the attributes of their exports.
enum OGCCollection: String, CaseIterable, Sendable {
    case towns, villages, grids, events

    var layer: ExportLayer { ExportLayer(rawValue: rawValue)! }

    var title: String {
        switch self {
        case .towns: "乡镇（街道） Towns"
        case .villages: "行政村（社区） Villages and communities"
        case .grids: "网格 Grids"
        case .events: "事件 Events"
        }
    }

    var description: String {
        switch self {
        case .towns, .villages, .grids:
            "Current \(rawValue) with their codes, parents and areas (km²); datetime=INSTANT gives those valid then. Feature ids are the codes."
        case .events:
            "Reported events (points where they were resolved) with category, platform, status and place; datetime filters the report time. Feature ids are the event numbers."
        }
    }
}

/// Where links point: the absolute URL of `/ogc` as the client reached it.
struct OGCBase: Sendable {
    let url: String

    init(authority: String?) { url = "http://\(authority ?? "127.0.0.1")/ogc" }

    func collection(_ collection: OGCCollection) -> String { "\(url)/collections/\(collection.rawValue)" }
}
