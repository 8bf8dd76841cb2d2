/// People's accounts: who signs in, with which role and scope. Every change is audited in its
/// own transaction.
public protocol AccountRepository: Sendable {
    /// Creates an account; ``AccountError/nameTaken`` when the name is in use.
    func createUser(name: String, role: AccessRole, scope: AccessScope, passwordHash: String, by actor: AuditActor) throws -> UserAccount
    /// Every account, oldest first.
    func users() throws -> [UserAccount]
    /// The account with that id, nil when there is none.
    func user(id: Int64) throws -> UserAccount?
    /// The account named `name` with its hash, as sign-in reads it.
    func storedUser(named name: String) throws -> StoredAccount?
    /// Disables (true) or enables an account; ``AccountError/unknownUser`` when there is none.
    func setUserDisabled(name: String, _ disabled: Bool, by actor: AuditActor) throws -> UserAccount
    /// Replaces an account's password and clears its failures and lock.
    func resetPassword(name: String, passwordHash: String, by actor: AuditActor) throws -> UserAccount
    /// Records a sign-in's outcome on the account (its failure count and lock) with its audit
    /// entry (`session create`, status 201, 401 or 429), in one transaction.
    func recordSignIn(userID: Int64, failures: Int, lockedUntil: Instant?, audit entry: AuditEntry) throws
}
