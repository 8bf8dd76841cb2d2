import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

extension GridMapStore {
    /// Appends an entry to the audit log (which refuses updates and deletes).
    public func appendAudit(_ entry: AuditEntry) throws {
        try pool.write { db in try Self.appendAudit(entry, db) }
    }

    /// Appends an entry inside the caller's transaction, so a change and its audit row are
    /// written together or not at all.
    static func appendAudit(_ entry: AuditEntry, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO audit_log (at, actor, role, action, target, status, origin, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [entry.at, entry.actor, entry.role?.rawValue, entry.action, entry.target, entry.status,
                             entry.origin, JSONValue.object(entry.detail).text])
    }

    /// The latest `limit` entries at or after `since` (ISO 8601, normalised), oldest first.
    public func auditLog(limit: Int = 100, since: String? = nil) throws -> [AuditEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM (SELECT * FROM audit_log WHERE at >= ? ORDER BY id DESC LIMIT ?) ORDER BY id
                """, arguments: [since ?? "", limit]).map { row in
                let text: String = row["detail"]
                let detail = (try? JSONValue.parse(Data(text.utf8)))?.object ?? ["unparsed": .string(text)]
                return AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], role: (row["role"] as String?).flatMap(AccessRole.init),
                                  action: row["action"], target: row["target"], status: row["status"], origin: row["origin"], detail: detail)
            }
        }
    }
}
