/// Signing in with a name and a password: checks the account (disabled, locked), the password
/// with bcrypt, and records the outcome with its audit entry (``SignInPolicy`` locks an account
/// after repeated failures). An unknown name, a disabled account and a wrong password are refused
/// alike (``AccountError/invalidCredentials``, after a bcrypt check each, so they take as long);
/// the audit log says which it was.
public struct SignIn: Sendable {
    public let store: any AccountRepository & AccessRepository
    public let policy: SignInPolicy

    public init(store: any AccountRepository & AccessRepository, policy: SignInPolicy = SignInPolicy()) {
        self.store = store
        self.policy = policy
    }

    /// The account signed in to. Slow by design (a bcrypt check): run it off the event loop.
    public func attempt(name: String, password: String, origin: String, at now: Instant = .now()) throws -> UserAccount {
        let actor = AuditActor(name: name, role: nil, origin: origin)
        guard let stored = try store.storedUser(named: name), stored.account.disabledAt == nil else {
            _ = Password.matches(password, hash: Password.decoy)
            try store.appendAudit(actor.entry("session create", target: nil, status: 401,
                                              detail: ["outcome": .string("unknown_or_disabled")], at: now))
            throw AccountError.invalidCredentials
        }
        let account = stored.account
        let audit = AuditActor(name: account.name, role: account.role, origin: origin)
        let target = "user/\(account.id)"
        if let until = account.lockedUntil, now < until {
            try store.recordSignIn(userID: account.id, failures: account.failedSignIns, lockedUntil: until,
                                   audit: audit.entry("session create", target: target, status: 429,
                                                      detail: ["outcome": .string("locked")], at: now))
            throw AccountError.locked(until: until)
        }
        guard Password.matches(password, hash: stored.passwordHash) else {
            let failures = account.failedSignIns + 1
            let until = policy.lockedUntil(failures: failures, at: now)
            try store.recordSignIn(userID: account.id, failures: failures, lockedUntil: until,
                                   audit: audit.entry("session create", target: target, status: 401,
                                                      detail: ["outcome": .string(until == nil ? "wrong_password" : "wrong_password_locked"),
                                                               "failures": .number(Double(failures))], at: now))
            throw AccountError.invalidCredentials
        }
        try store.recordSignIn(userID: account.id, failures: 0, lockedUntil: nil,
                               audit: audit.entry("session create", target: target, status: 201,
                                                  detail: ["outcome": .string("signed_in")], at: now))
        return account
    }
}
