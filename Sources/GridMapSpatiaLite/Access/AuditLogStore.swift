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

    /// Appends entries in order, in one transaction: the chain's head is read once and carried
    /// from row to row, the insert prepared once.
    public func appendAudit(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        try write { db in
            var head = try Self.chainHead(db)
            let insert = try db.cachedStatement(sql: Self.insertAuditRow)
            for entry in entries { head = try Self.appendAudit(entry, after: head, insert) }
        }
    }

    /// Appends an entry inside the caller's transaction, so a change and its audit row are
    /// written together or not at all.
    static func appendAudit(_ entry: AuditEntry, _ db: Database) throws {
        _ = try appendAudit(entry, after: try chainHead(db), try db.cachedStatement(sql: insertAuditRow))
    }

    /// The last row's id and hash (0 and the genesis hash for an empty log). A last row without a
    /// hash (a forged one) gives an empty hash: the chain stays broken there.
    private static func chainHead(_ db: Database) throws -> (id: Int64, hash: String) {
        guard let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1") else {
            return (0, AuditChain.genesis)
        }
        return (last["id"], last["hash"] ?? "")
    }

    private static let insertAuditRow = """
        INSERT INTO audit_log (id, at, actor, role, action, target, status, origin, detail, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts `entry` after `head`; the new head.
    private static func appendAudit(_ entry: AuditEntry, after head: (id: Int64, hash: String),
                                    _ insert: Statement) throws -> (id: Int64, hash: String) {
        let fields = AuditChain.Fields(id: head.id + 1, at: entry.at, actor: entry.actor, role: entry.role?.rawValue,
                                       action: entry.action, target: entry.target, status: entry.status.map(Int64.init),
                                       origin: entry.origin, detail: JSONValue.object(entry.detail).text)
        let hash = fields.hash(after: head.hash)
        try insert.execute(arguments: [fields.id, fields.at, fields.actor, fields.role, fields.action, fields.target, fields.status,
                                       fields.origin, fields.detail, head.hash, hash])
        return (fields.id, hash)
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
