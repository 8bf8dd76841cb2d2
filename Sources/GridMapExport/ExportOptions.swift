import Foundation
import GridMapCore

/// What to export of a layer, as a user gave it (CLI options or query parameters): checked by
/// the layer, each problem an ``ExportError`` naming the option.
public struct ExportOptions: Sendable {
    /// Boundaries valid at this ISO 8601 time (towns, villages, grids, density); default now.
    public var asOf: String?
    /// Events reported in [from, to) (events, density), or the Beijing days overlapping it
    /// (coverage; default the last 7 days). ISO 8601 dates or times.
    public var from: String?
    public var to: String?
    /// Who the export is for: events outside their scope are left out, and their descriptions
    /// withheld unless they may see personal data (the command line's owner sees everything).
    public var viewer: Viewer

    public init(asOf: String? = nil, from: String? = nil, to: String? = nil, viewer: Viewer = .owner) {
        self.asOf = asOf
        self.from = from
        self.to = to
        self.viewer = viewer
    }

    func check(for layer: ExportLayer) throws {
        if let asOf {
            guard [.towns, .villages, .grids, .density].contains(layer) else {
                throw ExportError("as_of", "\(layer.rawValue) have no boundary versions to choose: use from and to")
            }
            _ = try Self.instant("as_of", asOf)
        }
        if from != nil || to != nil, [.towns, .villages, .grids].contains(layer) {
            throw ExportError(from != nil ? "from" : "to", "\(layer.rawValue) are boundaries: choose them with as_of")
        }
    }

    /// `as_of` (nil: now).
    func asOfInstant() throws -> Instant? { try asOf.map { try Self.instant("as_of", $0) } }

    /// The events asked for, unscoped (density counts every event: it shows no one's data).
    func eventQuery() throws -> EventQuery {
        var query = EventQuery()
        query.from = try from.map { try Self.instant("from", $0) }
        query.to = try to.map { try Self.instant("to", $0) }
        return query
    }

    /// [from, to) as the density filter of the facts table; open ends reach every event.
    func eventFilter() throws -> EventFilter {
        let query = try eventQuery()
        var filter = EventFilter.allTime
        filter.from = query.from ?? filter.from
        filter.to = query.to ?? filter.to
        return filter
    }

    func patrolDays(now: Instant = .now()) throws -> ClosedRange<PatrolDay> {
        guard let days = PatrolDay.period(from: from, to: to, now: now) else {
            throw ExportError("from", "from and to must be ISO 8601 dates or times, from before to, at most 366 days apart")
        }
        return days
    }

    /// A time; without a zone Beijing time, a plain date its Beijing day's first instant.
    private static func instant(_ option: String, _ text: String) throws -> Instant {
        guard let instant = Instant(parsing: text, zone: .beijing) else { throw ExportError(option, "'\(text)' is not an ISO 8601 time") }
        return instant
    }
}

/// An export cannot be made as asked; `option` names the option or parameter at fault.
public struct ExportError: CodedError {
    public let option: String
    public let message: String

    public init(_ option: String, _ message: String) {
        self.option = option
        self.message = message
    }

    public var description: String { "\(option): \(message)" }
    public var errorCode: String { "invalid_parameter" }
    public var failureKind: FailureKind { .invalidInput }
}
