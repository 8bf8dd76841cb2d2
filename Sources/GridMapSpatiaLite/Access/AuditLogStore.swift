import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// Appends an entry to the audit log (which refuses updates and deletes), chained to the
    /// previous entry by its hash (see ``AuditChain``).
    public func appendAudit(_ entry: AuditEntry) throws {
        try write { db in try Self.appendAudit(entry, db) }
    }

    /// Appends entries in order, in one transaction.
    public func appendAudit(_ entries: [AuditEntry]) throws {
        try write { db in
            for entry in entries { try Self.appendAudit(entry, db) }
        }
    }

    /// Appends an entry inside the caller's transaction, so a change and its audit row are
    /// written together or not at all.
    static func appendAudit(_ entry: AuditEntry, _ db: Database) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        let lastID: Int64 = last?["id"] ?? 0
        let fields = AuditChain.Fields(id: lastID + 1, at: entry.at, actor: entry.actor, role: entry.role?.rawValue,
                                       action: entry.action, target: entry.target, status: entry.status.map(Int64.init),
                                       origin: entry.origin, detail: JSONValue.object(entry.detail).text)
        // A last row without a hash (a forged one) gives an empty prev_hash: the chain stays broken there.
        let previous = last.map { row -> String in row["hash"] ?? "" } ?? AuditChain.genesis
        try db.execute(sql: """
            INSERT INTO audit_log (id, at, actor, role, action, target, status, origin, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [fields.id, fields.at, fields.actor, fields.role, fields.action, fields.target, fields.status,
                             fields.origin, fields.detail, previous, fields.hash(after: previous)])
    }

    /// The latest `limit` entries at or after `since`, oldest first.
    public func auditLog(limit: Int, since: Instant?) throws -> [AuditEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM (SELECT * FROM audit_log WHERE at >= ? ORDER BY id DESC LIMIT ?) ORDER BY id
                """, arguments: [since?.iso ?? "", limit]).map { row in
                let text: String = row["detail"]
                let detail = (try? JSONValue.parse(Data(text.utf8)))?.object ?? ["unparsed": .string(text)]
                return AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], role: (row["role"] as String?).flatMap(AccessRole.init),
                                  action: row["action"], target: row["target"], status: row["status"], origin: row["origin"], detail: detail)
            }
        }
    }
}
