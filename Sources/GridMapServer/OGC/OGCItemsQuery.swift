import GridMapCore
import GridMapGeometry

/// The query parameters of `/collections/{id}/items`: `limit` (1…10,000, default 10), `bbox`
/// (CRS84), `datetime` (RFC 3339 instant or interval, `..` open), `after` (the paging cursor: the
/// id of the previous page's last feature) and `f=json|geojson`. Anything else is a 400.
struct OGCItemsQuery {
    static let maximumLimit = 10_000
    static let parameters: Set<String> = ["limit", "bbox", "datetime", "after", "f"]

    enum Datetime: Equatable {
        case instant(Int64)
        /// Bounds included; nil = open.
        case interval(start: Int64?, end: Int64?)
    }

    var limit: Int
    var bbox: BoundingBox?
    var datetime: Datetime?
    var after: String?
    /// The parameters as given, to carry into `next` links.
    var filters: [(String, String)]

    init(_ parameters: QueryParameters) throws {
        try parameters.rejectUnknown(allowed: Self.parameters)
        try OGCFormat.check(parameters, allowing: ["json", "geojson"])
        limit = try parameters.integer("limit", in: 1...Self.maximumLimit) ?? 10
        bbox = try parameters.bbox()
        datetime = try parameters.text("datetime").map(Self.datetime)
        after = parameters.text("after")
        filters = ["bbox", "datetime"].compactMap { key in parameters.text(key).map { (key, $0) } }
    }

    /// The report-time range [from, to) of `datetime` in stored spelling.
    var reportedRange: (from: String?, to: String?) {
        switch datetime {
        case nil: (nil, nil)
        case .instant(let t): (Timestamp.format(milliseconds: t), Timestamp.format(milliseconds: t + 1))
        case .interval(let start, let end): (start.map(Timestamp.format(milliseconds:)), end.map { Timestamp.format(milliseconds: $0 + 1) })
        }
    }

    private static func datetime(_ text: String) throws -> Datetime {
        func bound(_ part: Substring) throws -> Int64? {
            if part.isEmpty || part == ".." { return nil }
            guard let t = Timestamp.parseMilliseconds(String(part)) else {
                throw APIError.badRequest("invalid_parameter", "'datetime': '\(part)' is not an RFC 3339 date-time")
            }
            return t
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let t = try bound(parts[0]) else { break }
            return .instant(t)
        case 2:
            let (start, end) = (try bound(parts[0]), try bound(parts[1]))
            if let start, let end, start > end { break }
            return .interval(start: start, end: end)
        default: break
        }
        throw APIError.badRequest("invalid_parameter", "'datetime' must be a date-time or an interval start/end ('..' for open)")
    }
}

/// The `f` parameter: the one format each resource has, under its names.
enum OGCFormat {
    static func check(_ parameters: QueryParameters, allowing names: Set<String>) throws {
        if let f = parameters.text("f"), !names.contains(f) {
            throw APIError.badRequest("invalid_parameter", "'f': this resource is served as " + names.sorted().joined(separator: " or "))
        }
    }
}
