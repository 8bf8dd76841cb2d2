/// A person's account as listed: never its password hash.
public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    /// The name people sign in with and the history names them by (unique).
    public var name: String
    public var role: AccessRole
    public var scope: AccessScope
    public var createdAt: Instant
    /// When it was disabled; nil while it works.
    public var disabledAt: Instant?
    /// Failed sign-ins since the last one that succeeded.
    public var failedSignIns: Int
    /// Sign-ins are refused until then (``SignInPolicy``).
    public var lockedUntil: Instant?

    public init(id: Int64, name: String, role: AccessRole, scope: AccessScope, createdAt: Instant,
                disabledAt: Instant? = nil, failedSignIns: Int = 0, lockedUntil: Instant? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
        self.createdAt = createdAt
        self.disabledAt = disabledAt
        self.failedSignIns = failedSignIns
        self.lockedUntil = lockedUntil
    }

    /// Who a request signed in to this account acts as.
    public var principal: Principal { Principal(userID: id, name: name, role: role, scope: scope) }
}

/// An account with its bcrypt hash, as sign-in reads it.
public struct StoredAccount: Sendable {
    public var account: UserAccount
    public var passwordHash: String

    public init(account: UserAccount, passwordHash: String) {
        self.account = account
        self.passwordHash = passwordHash
    }
}
