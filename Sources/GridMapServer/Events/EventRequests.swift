import Foundation
import GridMapCore
import GridMapGeometry
import Hummingbird

/// `POST /v1/events` bodies: `category`, `description`, `lon`, `lat`, `crs` (default wgs84),
/// `reported_at` (ISO 8601, default now; not in the future, ``ReportedTime``), `source`,
/// `reporter`, and optionally `external_id` (a ``TextIdentifier``: the event's id in the client's
/// system, which makes a retry recognisable) and `origin` (`local`, the default, or `county`).
/// A county assignment (上级交办) needs `external_id` and `reported_at` (so that a repeated
/// delivery is the same body) and may carry `upstream_deadline` (ISO 8601, after `reported_at`).
enum EventReportParser {
    static func parse(_ body: JSONBody, now: Instant) throws -> EventReport {
        let originText = try body.optionalString("origin") ?? EventOrigin.local.rawValue
        guard let origin = EventOrigin(rawValue: originText) else {
            throw APIError.badRequest("invalid_field", "'origin': unknown origin '\(originText)' (one of: "
                + EventOrigin.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        var report = try parseReport(body, now: now)
        report.origin = origin
        guard origin == .county else {
            if body.fields["upstream_deadline"] != nil {
                throw APIError.badRequest("invalid_field", "'upstream_deadline' is the county's: it comes with \"origin\": \"county\"")
            }
            return report
        }
        if report.externalID == nil { throw APIError.badRequest("missing_field", "a county assignment needs 'external_id' (the county's id)") }
        if body.fields["reported_at"] == nil {
            throw APIError.badRequest("missing_field", "a county assignment needs 'reported_at' (when the county assigned it), so that a repeated delivery is the same")
        }
        if let text = try body.optionalString("upstream_deadline") {
            guard let deadline = Instant(parsing: text) else {
                throw APIError.badRequest("invalid_field", "'upstream_deadline': '\(text)' is not an ISO 8601 time")
            }
            guard deadline > report.reportedAt else {
                throw APIError.badRequest("invalid_field", "'upstream_deadline': \(text) is not after 'reported_at'")
            }
            report.upstreamDeadline = deadline
        }
        return report
    }

    private static func parseReport(_ body: JSONBody, now: Instant) throws -> EventReport {
        let sourceText = try body.requiredString("source")
        guard let source = EventSource(rawValue: sourceText) else {
            throw APIError.badRequest("invalid_field", "'source': unknown source '\(sourceText)' (one of: "
                + EventSource.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let reportedAt = try Self.reportedAt(try body.optionalString("reported_at"), now: now)
        return EventReport(category: try body.requiredString("category"), description: try body.requiredString("description"),
                           coordinate: Coordinate(try body.requiredNumber("lon"), try body.requiredNumber("lat")),
                           crs: try CoordinateSystem(requested: try body.optionalString("crs")),
                           reportedAt: reportedAt, source: source, reporter: try body.requiredString("reporter"),
                           externalID: try externalID(try body.optionalString("external_id")))
    }

    private static func externalID(_ text: String?) throws -> String? {
        guard let text else { return nil }
        if let problem = TextIdentifier.problem(text) {
            throw APIError.badRequest("invalid_field", "'external_id': \(TextIdentifier.quoted(text)) is not a valid id: \(problem)")
        }
        return text
    }

    private static func reportedAt(_ text: String?, now: Instant) throws -> Instant {
        guard let text else { return now }
        guard let reported = Instant(parsing: text) else {
            throw APIError.badRequest("invalid_field", "'reported_at': '\(text)' is not an ISO 8601 time")
        }
        if ReportedTime.isInFuture(reported, now: now) {
            throw APIError.badRequest("invalid_field", "'reported_at': \(text) is in the future")
        }
        return reported
    }
}

/// `GET /v1/events` query: `bbox=minLon,minLat,maxLon,maxLat`, `from`, `to`, `status`, `category`,
/// `platform`, `grid`, `village`, `town`, `overdue=true`, `light` (green, yellow, red: at the time asked), `limit` (1–1000, default 100;
/// for a spreadsheet, `spreadsheet`, 1–50,000, default 50,000), `cursor`.
enum EventQueryParser {
    static func parse(_ request: Request, now: Instant, spreadsheet: Bool = false) throws -> EventQuery {
        let parameters = QueryParameters(request)
        var query = EventQuery()
        query.bbox = try parameters.bbox()
        query.from = try parameters.instant("from")
        query.to = try parameters.instant("to")
        query.status = try parameters.status()
        query.category = parameters.text("category")
        query.platform = parameters.text("platform")
        query.grid = parameters.text("grid")
        query.village = parameters.text("village")
        query.town = parameters.text("town")
        if parameters.text("overdue") == "true" { query.overdueAt = now }
        if let text = parameters.text("light") {
            guard let light = SupervisionLight(rawValue: text) else {
                throw APIError.badRequest("invalid_parameter", "'light' must be one of: "
                    + SupervisionLight.allCases.map(\.rawValue).joined(separator: ", "))
            }
            query.light = (light, now)
        }
        query.limit = try parameters.integer("limit", in: spreadsheet ? 1...50_000 : 1...1000) ?? (spreadsheet ? 50_000 : query.limit)
        if let cursor = parameters.text("cursor") {
            guard let value = Int64(cursor), value >= 0 else {
                throw APIError.badRequest("invalid_parameter", "'cursor' must be a value of next_cursor")
            }
            query.after = value
        }
        return query
    }
}
