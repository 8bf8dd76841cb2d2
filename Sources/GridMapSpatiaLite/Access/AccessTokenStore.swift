import Crypto
import Foundation
import GRDB
import GridMapCore

extension SpatiaLiteStore {
    /// Creates a bearer token for `role` in `scope`. Only its SHA-256 is stored; the text is returned once.
    /// The creation is audited (`token create`, target `token/ID`) by `actor` in the same transaction.
    public func createToken(name: String, role: AccessRole, scope: AccessScope, by actor: AuditActor) throws -> IssuedToken {
        let token = "gm_" + SecretToken.random()
        return try write { db in
            try db.execute(sql: "INSERT INTO access_tokens (name, role, scope_level, scope_code, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [name, role.rawValue, scope.level, scope.code, Self.sha256(token), Instant.now()])
            let id = db.lastInsertedRowID
            try Self.appendAudit(actor.entry("token create", target: "token/\(id)",
                                             detail: ["name": .string(name), "role": .string(role.rawValue),
                                                      "scope": .string(scope.label)]), db)
            return IssuedToken(id: id, token: token)
        }
    }

    /// The holder of a token, or nil when the token is unknown or revoked.
    public func principal(forToken token: String) throws -> Principal? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, name, role, scope_level, scope_code FROM access_tokens WHERE sha256 = ? AND revoked_at IS NULL
                """, arguments: [Self.sha256(token)]).flatMap { row in
                guard let role = AccessRole(rawValue: row["role"]), let scope = AccessScope(row) else { return nil }
                return Principal(tokenID: row["id"], name: row["name"], role: role, scope: scope)
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
            try Row.fetchAll(db, sql: """
                SELECT id, name, role, scope_level, scope_code, created_at, revoked_at FROM access_tokens ORDER BY id
                """).compactMap { row in
                guard let role = AccessRole(rawValue: row["role"]), let scope = AccessScope(row) else { return nil }
                return AccessToken(id: row["id"], name: row["name"], role: role, scope: scope,
                                   createdAt: row["created_at"], revokedAt: row["revoked_at"])
            }
        }
    }

    /// Lowercase hex SHA-256 of a token's UTF-8 text, as `access_tokens.sha256` holds it.
    static func sha256(_ token: String) -> String { CanonicalHash.hex(SHA256.hash(data: Data(token.utf8))) }
}
