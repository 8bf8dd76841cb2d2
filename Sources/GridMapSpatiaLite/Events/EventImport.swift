import Foundation
import GRDB
import GridMapCore

extension SpatiaLiteStore {
    /// Locates, routes and stores historical events in one transaction, each by the boundaries
    /// and platform model valid when it was reported; ids follow the file's order. Every event
    /// that cannot be routed, or is reported in the future (``ReportedTime``, at `now`), is
    /// reported with its position in the file, and then nothing is stored.
    ///
    /// Imports are idempotent: a row whose ``EventSourceKey`` (its `external_id`, else its
    /// content) is stored already, or repeats an earlier row of the file, is skipped and counted
    /// in the summary; ids of stored events follow the file's order.
    ///
    /// Each event gets one history entry, `imported` at its `reported_at` by `actor`, with the
    /// status it had reached in the source system (and `closed_at` on the event). Slices of the file are located and rendered on all cores while the writer stores
    /// the slices before them; an import that at least doubles the events table rebuilds the
    /// table's indexes once at the end instead of growing them row by row.
    public func importEvents(_ events: [HistoricalEvent], resolvers: HistoricalResolvers,
                             actor: String, now: Instant) throws -> EventImportSummary {
        let pipeline = ImportPipeline(events, now: now,
                                      resolverAt: { try resolvers.resolver(at: $0) })
        defer { pipeline.finish() }
        return try write { db in
            // Keep the touched pages in memory until the commit; sort index keys on two threads.
            try db.execute(sql: "PRAGMA cache_size = -524288; PRAGMA threads = 2")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA threads = 0") }
            let stored = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM events") ?? 0
            let rebuildIndexes = Int64(events.count) >= stored
            if rebuildIndexes { try EventIndexes.drop(db) }
            var keys = try ImportKeys(db, loadStored: rebuildIndexes)
            var writer = try EventWriter(db)
            var summary = EventImportSummary(), problems: [String] = []
            for index in pipeline.slices {
                let slice = try pipeline.take(index)
                problems += slice.problems
                guard problems.isEmpty else { continue }
                let snapshotIDs = try slice.snapshots.map { try writer.snapshotID($0) }
                for prepared in slice.events {
                    let source = events[prepared.index]
                    if let earlier = try keys.event(with: prepared.sourceKey) {
                        summary.skip(source, repeating: earlier, storedBefore: stored)
                        continue
                    }
                    let id = try writer.insert(prepared.event, routingID: snapshotIDs[prepared.routing],
                                               peopleID: snapshotIDs[prepared.people], status: source.status,
                                               closedAt: source.closedAt, sourceKey: prepared.sourceKey)
                    keys.stored(prepared.sourceKey, as: id)
                    try writer.history.append(id, seq: 1, at: source.report.reportedAt, actor: actor, action: "imported",
                                              from: nil, to: source.status, note: nil)
                    summary.platforms[prepared.event.routed.routing.platform.code, default: 0] += 1
                    summary.events += 1
                }
            }
            if !problems.isEmpty { throw DatasetError(problems) }
            if rebuildIndexes { try EventIndexes.create(db) }
            return summary
        }
    }
}

extension EventImportSummary {
    /// How many skipped rows are named in ``skippedExamples``.
    static let examples = 10

    /// Counts a skipped row that repeats the stored event `id`.
    mutating func skip(_ row: HistoricalEvent, repeating id: Int64, storedBefore stored: Int64) {
        if id > stored { skippedRepeated += 1 } else { skippedStored += 1 }
        if skippedExamples.count < Self.examples {
            skippedExamples.append("\(row.position): event \(id)" + (id > stored ? " (earlier in the file)" : ""))
        }
    }
}
