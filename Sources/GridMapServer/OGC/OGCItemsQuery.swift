import GridMapCore
import GridMapExport
import GridMapGeometry

/// The query parameters of `/collections/{id}/items`: `limit` (1…10,000, default 10), `bbox`
/// (CRS84), `datetime` (RFC 3339 instant or interval, `..` open), `after` (the paging cursor: the
/// id of the previous page's last feature) and `f=json|geojson`. Anything else is a 400.
struct OGCItemsQuery {
    static let parameters: Set<String> = ["limit", "bbox", "datetime", "after", "f"]

    enum Datetime: Equatable {
        case instant(Instant)
        /// Bounds included; nil = open.
        case interval(start: Instant?, end: Instant?)
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
        limit = try parameters.integer("limit", in: 1...OGCPage.maximumLimit) ?? 10
        bbox = try parameters.bbox()
        datetime = try parameters.text("datetime").map(Self.datetime)
        after = parameters.text("after")
        filters = ["bbox", "datetime"].compactMap { key in parameters.text(key).map { (key, $0) } }
    }

    /// The report-time range [from, to) of `datetime`.
    var reportedRange: (from: Instant?, to: Instant?) {
        switch datetime {
        case nil: (nil, nil)
        case .instant(let t): (t, t.adding(milliseconds: 1))
        case .interval(let start, let end): (start, end?.adding(milliseconds: 1))
        }
    }

    /// A plain date is the whole Beijing day: as an instant, or as either end of an interval
    /// (both ends included, as RFC 3339 intervals are); a time without a zone is Beijing time.
    private static func datetime(_ text: String) throws -> Datetime {
        func bound(_ part: Substring, end: Bool) throws -> Instant? {
            if part.isEmpty || part == ".." { return nil }
            guard let t = Instant(parsing: String(part), zone: .beijing) else {
                throw APIError.badRequest("invalid_parameter", "'datetime': '\(part)' is not an RFC 3339 date-time")
            }
            return end && Timestamp.isPlainDate(String(part)) ? t.adding(milliseconds: 86_400_000 - 1) : t
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let t = try bound(parts[0], end: false) else { break }
            if Timestamp.isPlainDate(String(parts[0])) { return .interval(start: t, end: t.adding(milliseconds: 86_400_000 - 1)) }
            return .instant(t)
        case 2:
            let (start, end) = (try bound(parts[0], end: false), try bound(parts[1], end: true))
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
