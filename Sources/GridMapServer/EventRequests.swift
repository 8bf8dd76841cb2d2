import Foundation
import GridMapCore
import GridMapGeometry
import GridMapStore
import Hummingbird

/// `POST /v1/events` bodies: `category`, `description`, `lon`, `lat`, `crs` (default wgs84),
/// `reported_at` (ISO 8601, default now; not in the future), `source`, `reporter`.
enum EventReportParser {
    /// How far in the future a reported time may lie (clock skew of phones).
    static let futureTolerance: TimeInterval = 300

    static func parse(_ body: JSONBody, now: String) throws -> EventReport {
        let sourceText = try body.requiredString("source")
        guard let source = EventSource(rawValue: sourceText) else {
            throw APIError.badRequest("invalid_field", "'source': unknown source '\(sourceText)' (one of: "
                + EventSource.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let reportedAt = try Self.reportedAt(try body.optionalString("reported_at"), now: now)
        return EventReport(category: try body.requiredString("category"), description: try body.requiredString("description"),
                           coordinate: Coordinate(try body.requiredNumber("lon"), try body.requiredNumber("lat")),
                           crs: try CoordinateSystem(requested: try body.optionalString("crs")),
                           reportedAt: reportedAt, source: source, reporter: try body.requiredString("reporter"))
    }

    private static func reportedAt(_ text: String?, now: String) throws -> String {
        guard let text else { return now }
        guard let date = Timestamp.parse(text) else {
            throw APIError.badRequest("invalid_field", "'reported_at': '\(text)' is not an ISO 8601 time")
        }
        if date.timeIntervalSince(Timestamp.parse(now)!) > futureTolerance {
            throw APIError.badRequest("invalid_field", "'reported_at': \(text) is in the future")
        }
        return Timestamp.format(date)
    }
}

/// `GET /v1/events` query: `bbox=minLon,minLat,maxLon,maxLat`, `from`, `to`, `status`, `category`,
/// `platform`, `grid`, `village`, `town`, `overdue=true`, `limit` (1–1000, default 100), `cursor`.
enum EventQueryParser {
    static func parse(_ request: Request, now: String) throws -> EventQuery {
        let parameters = request.uri.queryParameters
        var query = EventQuery()
        let text = { (key: String) -> String? in parameters[key[...]].map(String.init) }
        if let bbox = text("bbox") {
            let values = bbox.split(separator: ",").compactMap { Double($0) }
            guard values.count == 4, values.allSatisfy({ $0.isFinite }), values[0] <= values[2], values[1] <= values[3] else {
                throw APIError.badRequest("invalid_parameter", "'bbox' must be minLon,minLat,maxLon,maxLat")
            }
            query.bbox = BoundingBox(minX: values[0], minY: values[1], maxX: values[2], maxY: values[3])
        }
        let times: [(String, WritableKeyPath<EventQuery, String?>)] = [("from", \.from), ("to", \.to)]
        for (key, path) in times {
            guard let value = text(key) else { continue }
            guard let instant = Timestamp.normalize(value) else {
                throw APIError.badRequest("invalid_parameter", "'\(key)': '\(value)' is not an ISO 8601 time")
            }
            query[keyPath: path] = instant
        }
        if let status = text("status") {
            guard let parsed = EventStatus(rawValue: status) else {
                throw APIError.badRequest("invalid_parameter", "'status': unknown status '\(status)'")
            }
            query.status = parsed
        }
        query.category = text("category")
        query.platform = text("platform")
        query.grid = text("grid")
        query.village = text("village")
        query.town = text("town")
        if text("overdue") == "true" { query.overdueAt = now }
        if let limit = text("limit") {
            guard let value = Int(limit), (1...1000).contains(value) else {
                throw APIError.badRequest("invalid_parameter", "'limit' must be an integer from 1 to 1000")
            }
            query.limit = value
        }
        if let cursor = text("cursor") {
            guard let value = Int64(cursor), value >= 0 else {
                throw APIError.badRequest("invalid_parameter", "'cursor' must be a value of next_cursor")
            }
            query.after = value
        }
        return query
    }
}
