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
    /// and platform model valid when it was reported; ids follow the file's order. Every event
    /// that cannot be routed is reported with its position in the file, and then nothing is stored.
    ///
    /// Each event gets one history entry, `imported` at its `reported_at` by `actor`, with the
    /// status it had reached in the source system (and `closed_at` on the event). Slices of the file are located and rendered on all cores while the writer stores
    /// the slices before them; an import that at least doubles the events table rebuilds the
    /// table's indexes once at the end instead of growing them row by row.
    public func importEvents(_ events: [HistoricalEvent], resolvers: HistoricalResolvers,
                             actor: String = "import") throws -> EventImportSummary {
        let pipeline = ImportPipeline(events, resolverAt: try resolvers.lookup())
        defer { pipeline.finish() }
        return try pool.write { db in
            // Keep the touched pages in memory until the commit; sort index keys on two threads.
            try db.execute(sql: "PRAGMA cache_size = -524288; PRAGMA threads = 2")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA threads = 0") }
            let stored = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM events") ?? 0
            let rebuildIndexes = events.count >= stored
            if rebuildIndexes { try EventIndexes.drop(db) }
            var writer = try EventWriter(db)
            var summary = EventImportSummary(), problems: [String] = []
            for index in pipeline.slices {
                let slice = try pipeline.take(index)
                problems += slice.problems
                guard problems.isEmpty else { continue }
                let snapshotIDs = try slice.snapshots.map { try writer.snapshotID($0) }
                for (prepared, source) in zip(slice.events, events[slice.range]) {
                    let id = try writer.insert(prepared.event, routingID: snapshotIDs[prepared.routing],
                                               peopleID: snapshotIDs[prepared.people], status: source.status,
                                               closedAt: source.closedAt)
                    try writer.history.append(id, seq: 1, at: source.report.reportedAt, actor: actor, action: "imported",
                                              from: nil, to: source.status, note: nil)
                    summary.platforms[prepared.event.routed.routing.platform.code, default: 0] += 1
                }
                summary.events += slice.events.count
            }
            if !problems.isEmpty { throw DatasetError(problems) }
            if rebuildIndexes { try EventIndexes.create(db) }
            return summary
        }
    }
}
