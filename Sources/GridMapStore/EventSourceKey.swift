import Foundation
import GRDB
import GridMapCore

/// What makes an event import idempotent: `events.source_key`, a 32-byte SHA-256 under a UNIQUE
/// index. An event with an `external_id` is keyed by that id alone (the source system's word on
/// identity); one without, by its content: source, reported_at (normalised), the coordinate as
/// given (lon, lat and crs), category and description. Reporter and status are left out: a
/// re-delivered event may have moved on in its source system, and it is still the same event.
/// Events reported over HTTP are keyed only when they carry an `external_id`: live reports are
/// each a new event, and a client's retry names its external id to be recognised.
enum EventSourceKey {
    /// The key of an imported event.
    static func imported(_ report: EventReport) -> Data { report.externalID.map(external) ?? content(report) }

    /// The key of an event with an id in its source system.
    static func external(_ id: String) -> Data {
        var hash = CanonicalHash(capacity: 96)
        hash.append("external_id")
        hash.append(id)
        return hash.digest
    }

    /// The key of an event by what it says.
    static func content(_ report: EventReport) -> Data {
        content(source: report.source.rawValue, reportedAt: report.reportedAt, x: report.coordinate.x, y: report.coordinate.y,
                crs: report.crs.rawValue, category: report.category, description: report.description)
    }

    static func content(source: String, reportedAt: String, x: Double, y: Double, crs: String, category: String,
                        description: String) -> Data {
        var hash = CanonicalHash()
        hash.append("content")
        hash.append(source)
        hash.append(reportedAt)
        hash.append(x)
        hash.append(y)
        hash.append(crs)
        hash.append(category)
        hash.append(description)
        return hash.digest
    }

    static let indexSQL = "CREATE UNIQUE INDEX events_source_key ON events(source_key)"

    /// Migration: adds `external_id` and `source_key` and keys the stored events by content in id
    /// order. Events already stored twice are kept (nothing is deleted): the first of them takes
    /// the key, the later ones stay unkeyed.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE events ADD COLUMN external_id TEXT;
            ALTER TABLE events ADD COLUMN source_key BLOB;
            """)
        let select = try FastStatement(db, sql: """
            SELECT id, source, reported_at, input_x, input_y, crs, category_code, description FROM events
            WHERE id > ?1 ORDER BY id LIMIT 50000
            """)
        let update = try FastStatement(db, sql: "UPDATE events SET source_key = ?1 WHERE id = ?2")
        var seen = Set<Data>(), after: Int64 = 0
        while true {
            var batch: [(id: Int64, key: Data)] = []
            select.bind(after, at: 1)
            try select.forEachRow { row in
                batch.append((row.int64(0), content(source: row.text(1), reportedAt: row.text(2), x: row.double(3), y: row.double(4),
                                                    crs: row.text(5), category: row.text(6), description: row.text(7))))
            }
            guard let last = batch.last else { break }
            for (id, key) in batch where seen.insert(key).inserted {
                update.bind(key, at: 1)
                update.bind(id, at: 2)
                try update.run()
            }
            after = last.id
        }
        try db.execute(sql: indexSQL)
    }
}
