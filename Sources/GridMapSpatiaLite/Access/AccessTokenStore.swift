import Crypto
import Foundation
import GRDB
import GridMapCore

extension SpatiaLiteStore {
    /// Creates a bearer token for `role`. Only its SHA-256 is stored; the text is returned once.
    /// The creation is audited (`token create`, target `token/ID`) by `actor` in the same transaction.
    public func createToken(name: String, role: AccessRole, by actor: AuditActor) throws -> IssuedToken {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        let token = "gm_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return try write { db in
            try db.execute(sql: "INSERT INTO access_tokens (name, role, sha256, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, role.rawValue, Self.sha256(token), Instant.now()])
            let id = db.lastInsertedRowID
            try Self.appendAudit(actor.entry("token create", target: "token/\(id)",
                                             detail: ["name": .string(name), "role": .string(role.rawValue)]), db)
            return IssuedToken(id: id, token: token)
        }
    }

    /// The holder of a token, or nil when the token is unknown or revoked.
    public func principal(forToken token: String) throws -> Principal? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, role FROM access_tokens WHERE sha256 = ? AND revoked_at IS NULL",
                             arguments: [Self.sha256(token)]).flatMap { row in
                AccessRole(rawValue: row["role"]).map { Principal(tokenID: row["id"], name: row["name"], role: $0) }
            }
        }
    }

    /// Revokes a token from now on, audited (`token revoke`) in the same transaction. False when
    /// there is no such token or it was revoked already.
    @discardableResult
    public func revokeToken(id: Int64, by actor: AuditActor) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                           arguments: [Instant.now(), id])
            guard db.changesCount == 1 else { return false }
            try Self.appendAudit(actor.entry("token revoke", target: "token/\(id)"), db)
            return true
        }
    }

    /// Every token, revoked ones included, oldest first.
    public func tokens() throws -> [AccessToken] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, created_at, revoked_at FROM access_tokens ORDER BY id").compactMap { row in
                AccessRole(rawValue: row["role"]).map {
                    AccessToken(id: row["id"], name: row["name"], role: $0, createdAt: row["created_at"], revokedAt: row["revoked_at"])
                }
            }
        }
    }

    /// Lowercase hex SHA-256 of a token's UTF-8 text, as `access_tokens.sha256` holds it.
    static func sha256(_ token: String) -> String { CanonicalHash.hex(SHA256.hash(data: Data(token.utf8))) }
}
