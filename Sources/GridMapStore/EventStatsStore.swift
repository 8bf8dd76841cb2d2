import GRDB
import GridMapCore

extension GridMapStore {
    /// Moves whenever any event changes (every change appends to the history): cheap to poll.
    public func eventsRevision() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM event_history") ?? 0 }
    }

    /// The facts of every event, for in-memory statistics.
    public func eventStatsTable() throws -> EventStatsTable {
        try pool.read { db in
            var table = EventStatsTable()
            var positions: [StatsDimension: [String: Int32]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT reported_at, closed_at, deadline_at, grid_code, village_code, town_code, platform_code FROM events
                """)
            while let row = try rows.next() {
                guard let reported = Timestamp.epochSeconds(row[0]) else { continue }
                table.append(reported: reported, closed: (row[1] as String?).flatMap(Timestamp.epochSeconds),
                             deadline: (row[2] as String?).flatMap(Timestamp.epochSeconds),
                             keys: [.grid: row[3], .village: row[4], .town: row[5], .platform: row[6]],
                             positions: &positions)
            }
            return table
        }
    }
}
