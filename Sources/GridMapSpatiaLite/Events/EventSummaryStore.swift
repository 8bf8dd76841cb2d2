import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// Summaries of the events matching `query` (its filters, `after` and `limit`), by id. The
    /// page's ids come first, so that names are read from the routing snapshots for its events
    /// only, not for every event a bounding box holds before they are sorted.
    public func eventSummaries(_ query: EventQuery) throws -> [EventSummary] {
        let filter = EventFilterSQL(query)
        return try pool.read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT e.id, e.lon, e.lat, e.category_code, json_extract(r.json, '$.category.name'), e.platform_code,
                       json_extract(r.json, '$.platform.name'), e.status, e.supervision_level, e.source, e.reported_at,
                       e.deadline_at, e.closed_at, e.grid_code, e.village_code, e.town_code, e.description
                FROM (SELECT e.id FROM events e WHERE \(filter.condition) ORDER BY e.id LIMIT :limit) page
                JOIN events e ON e.id = page.id JOIN event_snapshots r ON r.id = e.routing_id
                ORDER BY e.id
                """)
            return try Row.fetchAll(statement, arguments: filter.arguments(limit: query.limit)).map { row in
                EventSummary(id: row[0], point: Coordinate(row[1], row[2]), category: row[3], categoryName: row[4],
                             platform: row[5], platformName: row[6], status: row[7], supervisionLevel: row[8], source: row[9],
                             reportedAt: row[10], deadlineAt: row[11], closedAt: row[12], gridCode: row[13],
                             villageCode: row[14], townCode: row[15], description: row[16])
            }
        }
    }

    /// How many events match `query`'s filters and cursor (its `limit` aside).
    public func eventCount(_ query: EventQuery) throws -> Int {
        let filter = EventFilterSQL(query)
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events e WHERE \(filter.condition)", arguments: filter.arguments())!
        }
    }

    /// The highest event id, 0 without events.
    public func lastEventID() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0 }
    }

    /// The smallest box holding every event and the first and last report times; nil without events.
    public func eventExtent() throws -> EventExtent? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT min(lon), min(lat), max(lon), max(lat), min(reported_at), max(reported_at) FROM events
                """), let minX = row[0] as Double? else { return nil }
            return EventExtent(box: BoundingBox(minX: minX, minY: row[1], maxX: row[2], maxY: row[3]), first: row[4], last: row[5])
        }
    }
}
