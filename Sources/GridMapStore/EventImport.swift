import Foundation
import GRDB
import GridMapCore

/// What a bulk event import stored.
public struct EventImportSummary: Sendable {
    public var events = 0
    /// Events per platform code.
    public var platforms: [String: Int] = [:]
}

extension GridMapStore {
    /// Locates, routes and stores historical events in one transaction, each by the boundaries
    /// and platform model valid when it was reported. Every event that cannot be routed is
    /// reported with its position in the file, and then nothing is stored.
    public func importEvents(_ events: [HistoricalEvent], resolvers: HistoricalResolvers,
                             actor: String = "import") throws -> EventImportSummary {
        let resolverAt = try resolvers.lookup()
        var problems: [String] = []
        var located: [(LocatedEvent, HistoricalEvent)] = []
        located.reserveCapacity(events.count)
        for event in events {
            do {
                located.append((try resolverAt(event.report.reportedAt).locate(event.report), event))
            } catch let error as RoutingError {
                problems.append("\(event.position): \(error)")
            }
        }
        if !problems.isEmpty { throw DatasetError(problems) }
        return try pool.write { db in
            // A large import touches the events table, its R*Tree and indexes everywhere: keep
            // their pages in memory until the commit instead of spilling them one by one.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            var summary = EventImportSummary()
            var routingMemo: [String: String] = [:], peopleMemo: [String: String] = [:]
            for (event, source) in located {
                let routingKey = "\(event.resolution.town?.code ?? "")|\(StoredRouting.key(event.routed))"
                let peopleKey = "\(event.resolution.grid?.code ?? "")|\(event.resolution.village?.code ?? "")"
                let rendered = (routingMemo[routingKey] ?? StoredRouting(event.routed).json,
                                peopleMemo[peopleKey] ?? peopleJSON(event.people))
                routingMemo[routingKey] = rendered.0
                peopleMemo[peopleKey] = rendered.1
                let id = try Self.insert(event, actor: event.report.reporter, at: event.report.reportedAt, db, rendered: rendered)
                if source.status != .received {
                    try db.cachedStatement(sql: "UPDATE events SET status = ?, closed_at = ? WHERE id = ?")
                        .execute(arguments: [source.status.rawValue, source.closedAt, id])
                    try Self.appendHistory(id, at: source.closedAt ?? event.report.reportedAt, actor: actor, action: "imported",
                                           from: .received, to: source.status,
                                           note: "historical import: status as recorded in the source system", db)
                }
                summary.events += 1
                summary.platforms[event.routed.routing.platform.code, default: 0] += 1
            }
            return summary
        }
    }
}
