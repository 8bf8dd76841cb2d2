import Foundation
import GRDB
import GridMapCore

/// The audit log's hash chain, which makes it tamper-evident: each row's `hash` is the SHA-256
/// (lowercase hex) of the row's stored fields — id, at, actor, role, action, target, status,
/// origin, detail, in that order, in ``CanonicalHash``'s encoding — followed by `prev_hash`, the
/// previous row's hash (64 zeros for the first row). Ids run 1, 2, 3, … without gaps. Triggers
/// refuse UPDATE, DELETE, an INSERT onto an existing id (`INSERT OR REPLACE`) and a row without a
/// hash; whoever holds the file can still drop them, and then ``SpatiaLiteStore/verifyAuditChain()``
/// names the first row that was changed, removed or forged. Rewriting the chain from a row on
/// is only caught against a head hash kept elsewhere, which is why `gridmap audit verify` prints it.
enum AuditChain {
    /// The `prev_hash` of the first row.
    static let genesis = String(repeating: "0", count: 64)

    /// The fields a row's hash covers, as stored.
    struct Fields {
        var id: Int64
        var at: String
        var actor: String
        var role: String?
        var action: String
        var target: String?
        var status: Int64?
        var origin: String
        var detail: String

        /// The row's hash after a row whose hash is `previous`.
        func hash(after previous: String) -> String {
            var hash = CanonicalHash()
            hash.append(id)
            hash.append(at)
            hash.append(actor)
            hash.append(role)
            hash.append(action)
            hash.append(target)
            hash.append(status)
            hash.append(origin)
            hash.append(detail)
            hash.append(previous)
            return hash.hex
        }
    }

    /// The triggers that keep the log append-only.
    static let triggersSQL = """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
            WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: the row exists'); END;
        CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
            WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
            BEGIN SELECT RAISE(ABORT, 'audit_log rows carry prev_hash and hash'); END;
        """

    /// Migration: adds `prev_hash` and `hash`, chains the existing rows in id order, and adds the
    /// triggers that refuse replacing a row or inserting one without its hash.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
            ALTER TABLE audit_log ADD COLUMN hash TEXT;
            DROP TRIGGER audit_log_no_update;
            """)
        var previous = genesis, after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT 10000", arguments: [after])
            guard let last = rows.last else { break }
            for row in rows {
                let fields = Fields(row)
                let hash = fields.hash(after: previous)
                try db.execute(sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [previous, hash, fields.id])
                previous = hash
            }
            after = last["id"]
        }
        try db.execute(sql: triggersSQL)
    }
}

extension SpatiaLiteStore {
    /// Walks the audit log in id order and checks every row: its id follows the previous one, its
    /// `prev_hash` is the previous row's hash, its `hash` is that of its fields. Stops at the first
    /// row that fails.
    public func verifyAuditChain() throws -> AuditChainReport {
        try pool.read { db in
            var previous = AuditChain.genesis, expected: Int64 = 1, rows = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
            while let row = try cursor.next() {
                rows += 1
                let fields = AuditChain.Fields(row)
                let broken = { (problem: String) in
                    AuditChainReport(rows: rows, head: nil, broken: .init(id: fields.id, problem: problem))
                }
                if fields.id != expected {
                    return broken(expected == fields.id - 1 ? "gap: row \(expected) is missing"
                                                            : "gap: rows \(expected)–\(fields.id - 1) are missing")
                }
                let prevHash: String? = row["prev_hash"], hash: String? = row["hash"]
                if prevHash != previous {
                    return broken(expected == 1 ? "prev_hash is not the genesis hash (64 zeros)"
                                                : "prev_hash is not row \(expected - 1)'s hash")
                }
                let computed = fields.hash(after: previous)
                if hash != computed { return broken("hash mismatch: the row's fields do not give its hash") }
                previous = computed
                expected += 1
            }
            return AuditChainReport(rows: rows, head: rows > 0 ? previous : nil, broken: nil)
        }
    }
}

extension AuditChain.Fields {
    /// The fields of a stored `audit_log` row.
    init(_ row: Row) {
        self.init(id: row["id"], at: row["at"], actor: row["actor"], role: row["role"], action: row["action"],
                  target: row["target"], status: row["status"], origin: row["origin"], detail: row["detail"])
    }
}
