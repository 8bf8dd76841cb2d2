import GRDB
import GridMapCore

extension SpatiaLiteStore {
    private static let accountColumns = "id, name, role, scope_level, scope_code, created_at, disabled_at, failed_signins, locked_until"

    /// Creates an account (audited `user create`, target `user/ID`, in the same transaction).
    public func createUser(name: String, role: AccessRole, scope: AccessScope, passwordHash: String, by actor: AuditActor) throws -> UserAccount {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [name]) == nil else {
                throw AccountError.nameTaken(name)
            }
            try db.execute(sql: """
                INSERT INTO users (name, role, scope_level, scope_code, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [name, role.rawValue, scope.level, scope.code, passwordHash, Instant.now()])
            let account = try Self.account(id: db.lastInsertedRowID, db)!
            try Self.appendAudit(actor.entry("user create", target: "user/\(account.id)",
                                             detail: ["name": .string(name), "role": .string(role.rawValue),
                                                      "scope": .string(scope.label)]), db)
            return account
        }
    }

    /// Every account, oldest first.
    public func users() throws -> [UserAccount] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.accountColumns) FROM users ORDER BY id").compactMap(Self.account)
        }
    }

    /// The account with that id.
    public func user(id: Int64) throws -> UserAccount? {
        try pool.read { db in try Self.account(id: id, db) }
    }

    /// The account named `name` with its hash.
    public func storedUser(named name: String) throws -> StoredAccount? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns), password_hash FROM users WHERE name = ?", arguments: [name])
                .flatMap { row in Self.account(row).map { StoredAccount(account: $0, passwordHash: row["password_hash"]) } }
        }
    }

    /// Disables or enables an account (audited `user disable` / `user enable`).
    public func setUserDisabled(name: String, _ disabled: Bool, by actor: AuditActor) throws -> UserAccount {
        try changeUser(name, action: disabled ? "user disable" : "user enable", by: actor) { id, db in
            try db.execute(sql: "UPDATE users SET disabled_at = ? WHERE id = ?", arguments: [disabled ? Instant.now() : nil, id])
        }
    }

    /// Replaces a password, clearing failures and the lock (audited `user reset-password`).
    public func resetPassword(name: String, passwordHash: String, by actor: AuditActor) throws -> UserAccount {
        try changeUser(name, action: "user reset-password", by: actor) { id, db in
            try db.execute(sql: "UPDATE users SET password_hash = ?, failed_signins = 0, locked_until = NULL WHERE id = ?",
                           arguments: [passwordHash, id])
        }
    }

    /// Stores a sign-in's outcome and its audit entry together.
    public func recordSignIn(userID: Int64, failures: Int, lockedUntil: Instant?, audit entry: AuditEntry) throws {
        try write { db in
            try db.execute(sql: "UPDATE users SET failed_signins = ?, locked_until = ? WHERE id = ?",
                           arguments: [failures, lockedUntil, userID])
            try Self.appendAudit(entry, db)
        }
    }

    private func changeUser(_ name: String, action: String, by actor: AuditActor,
                            _ change: (Int64, Database) throws -> Void) throws -> UserAccount {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE name = ?", arguments: [name]) else {
                throw AccountError.unknownUser(name)
            }
            try change(id, db)
            try Self.appendAudit(actor.entry(action, target: "user/\(id)"), db)
            return try Self.account(id: id, db)!
        }
    }

    private static func account(id: Int64, _ db: Database) throws -> UserAccount? {
        try Row.fetchOne(db, sql: "SELECT \(accountColumns) FROM users WHERE id = ?", arguments: [id]).flatMap(account)
    }

    private static func account(_ row: Row) -> UserAccount? {
        guard let role = AccessRole(rawValue: row["role"]), let scope = AccessScope(row) else { return nil }
        return UserAccount(id: row["id"], name: row["name"], role: role, scope: scope, createdAt: row["created_at"],
                           disabledAt: row["disabled_at"], failedSignIns: row["failed_signins"], lockedUntil: row["locked_until"])
    }
}

extension AccessScope {
    /// The scope of a row with `scope_level` and `scope_code`.
    init?(_ row: Row) { self.init(level: row["scope_level"], code: row["scope_code"]) }
}
