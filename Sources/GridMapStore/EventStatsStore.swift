import GRDB
import GridMapCore

extension GridMapStore {
    /// Moves whenever any event changes (every change appends to the history): cheap to poll.
    public func eventsRevision() throws -> Int64 {
        try pool.read(Self.eventsRevision)
    }

    private static func eventsRevision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM event_history") ?? 0
    }

    /// The facts of every event, for in-memory statistics.
    public func eventStatsTable() throws -> EventStatsTable {
        var table = EventStatsTable()
        try refresh(&table)
        return table
    }

    /// Brings a facts table up to date: only the events changed since its mark are read.
    public func refresh(_ table: inout EventStatsTable) throws {
        table = try pool.read { [table] db in
            var table = table
            let mark = try Self.eventsRevision(db)
            let columns = "id, reported_at, closed_at, deadline_at, grid_code, village_code, town_code, platform_code"
            let rows = table.mark == 0
                ? try Row.fetchCursor(db, sql: "SELECT \(columns) FROM events ORDER BY id")
                : try Row.fetchCursor(db, sql: """
                    SELECT \(columns) FROM events
                    WHERE id IN (SELECT event_id FROM event_history WHERE rowid > ? AND rowid <= ?) ORDER BY id
                    """, arguments: [table.mark, mark])
            while let row = try rows.next() {
                guard let reported = Timestamp.epochSeconds(row[1]) else { continue }
                table.set(id: row[0], reported: reported, closed: (row[2] as String?).flatMap(Timestamp.epochSeconds),
                          deadline: (row[3] as String?).flatMap(Timestamp.epochSeconds),
                          keys: [.grid: row[4], .village: row[5], .town: row[6], .platform: row[7]])
            }
            table.mark = mark
            return table
        }
    }
}
