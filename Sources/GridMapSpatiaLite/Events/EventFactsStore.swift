import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// Moves whenever any event changes (every change appends to the history): cheap to poll.
    public func eventsRevision() throws -> Int64 {
        try pool.read(Self.eventsRevision)
    }

    private static func eventsRevision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM event_history") ?? 0
    }

    /// Brings a facts table up to date: only the events changed since its mark are read.
    public func refresh(_ table: inout EventFactsTable) throws {
        table = try pool.read { [table] db in
            var table = table
            let mark = try Self.eventsRevision(db)
            let columns = """
                id, reported_at, closed_at, deadline_at, status, lon, lat, grid_code, village_code, town_code, platform_code,
                category_code
                """
            let rows = table.mark == 0
                ? try Row.fetchCursor(db, sql: "SELECT \(columns) FROM events ORDER BY id")
                : try Row.fetchCursor(db, sql: """
                    SELECT \(columns) FROM events
                    WHERE id IN (SELECT event_id FROM event_history WHERE rowid > ? AND rowid <= ?) ORDER BY id
                    """, arguments: [table.mark, mark])
            try MetricProjectionPool.shared.withProjections { projections in
                while let row = try rows.next() {
                    guard let reported = row[1] as Instant? else { continue }
                    let point = Coordinate(row[5], row[6])
                    let (planar, zone) = try projections.project(point)
                    table.set(EventFact(
                        id: row[0], reported: reported, closed: row[2], deadline: row[3],
                        status: EventStatus(rawValue: row[4]) ?? .received,
                        keys: [.grid: row[7], .village: row[8], .town: row[9], .platform: row[10], .category: row[11]],
                        point: point, planar: planar, zone: zone))
                }
            }
            table.mark = mark
            return table
        }
    }
}
