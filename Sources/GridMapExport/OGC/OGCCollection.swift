/// The feature collections served over OGC API - Features: the boundary layers and the events,
/// with the attributes of their exports.
public enum OGCCollection: String, CaseIterable, Sendable {
    case towns, villages, grids, events

    public var layer: ExportLayer { ExportLayer(rawValue: rawValue)! }

    public var title: String {
        switch self {
        case .towns: "乡镇（街道） Towns"
        case .villages: "行政村（社区） Villages and communities"
        case .grids: "网格 Grids"
        case .events: "事件 Events"
        }
    }

    public var description: String {
        switch self {
        case .towns, .villages, .grids:
            "Current \(rawValue) with their codes, parents and areas (km²); datetime=INSTANT gives those valid then. Feature ids are the codes."
        case .events:
            "Reported events (points where they were resolved) with category, platform, status and place; datetime filters the report time. Feature ids are the event numbers."
        }
    }
}

/// A page of a collection's features: those matching the query after its cursor, how many match
/// in all, and the cursor of the next page (nil on the last).
public struct OGCPage: Sendable {
    /// Most features one page holds.
    public static let maximumLimit = 10_000

    public var features: [ExportFeature]
    public var numberMatched: Int
    public var next: String?

    public init(features: [ExportFeature], numberMatched: Int, next: String?) {
        self.features = features
        self.numberMatched = numberMatched
        self.next = next
    }
}

/// Where links point: the absolute URL of `/ogc` as the client reached it.
public struct OGCBase: Sendable {
    public let url: String

    public init(authority: String?) { url = "http://\(authority ?? "127.0.0.1")/ogc" }

    public func collection(_ collection: OGCCollection) -> String { "\(url)/collections/\(collection.rawValue)" }
}
