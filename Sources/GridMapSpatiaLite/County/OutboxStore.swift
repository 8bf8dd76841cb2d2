import GRDB
import GridMapCore

extension SpatiaLiteStore {
    /// Up to `limit` outbox rows after `after`, oldest first.
    public func outbox(after: Int64, limit: Int) throws -> [OutboxEntry] {
        try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT id, topic, event_id, seq, at FROM outbox WHERE id > ? ORDER BY id LIMIT ?"),
                             arguments: [after, limit]).compactMap { row in
                // A topic this build does not know (written by a newer one) is skipped, not misread.
                OutboxTopic(rawValue: row[1]).map { OutboxEntry(id: row[0], topic: $0, eventID: row[2], seq: row[3], at: row[4]) }
            }
        }
    }

    /// The newest outbox row's id (0 when empty).
    public func lastOutboxID() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM outbox")) ?? 0 }
    }
}
