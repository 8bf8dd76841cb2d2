/// Bearer tokens and the hash-chained audit log.
public protocol AccessRepository: Sendable {
    /// Creates a bearer token for `role` in `scope`; only its hash is stored and the text is
    /// returned once. The creation is audited by `actor` in the same transaction.
    func createToken(name: String, role: AccessRole, scope: AccessScope, by actor: AuditActor) throws -> IssuedToken
    /// Whom a token stands for, nil when it is unknown or revoked.
    func principal(forToken token: String) throws -> Principal?
    /// Revokes a token (audited); false when no working token has that id.
    func revokeToken(id: Int64, by actor: AuditActor) throws -> Bool
    /// Every token, without its text or hash.
    func tokens() throws -> [AccessToken]
    /// Appends an entry to the audit log, chained to the one before.
    func appendAudit(_ entry: AuditEntry) throws
    /// Appends entries in order, in one transaction.
    func appendAudit(_ entries: [AuditEntry]) throws
    /// The latest `limit` entries at or after `since` (ISO 8601, normalised; nil: any), oldest first.
    func auditLog(limit: Int, since: Instant?) throws -> [AuditEntry]
    /// Checks the audit log's hash chain in id order, stopping at the first broken row.
    func verifyAuditChain() throws -> AuditChainReport
}

extension AccessRepository {
    /// A token that reaches everywhere.
    public func createToken(name: String, role: AccessRole, by actor: AuditActor) throws -> IssuedToken {
        try createToken(name: name, role: role, scope: .everywhere, by: actor)
    }

    /// The latest 100 entries of the audit log.
    public func auditLog() throws -> [AuditEntry] { try auditLog(limit: 100, since: nil) }

    /// The latest `limit` entries of the audit log.
    public func auditLog(limit: Int) throws -> [AuditEntry] { try auditLog(limit: limit, since: nil) }

    /// The latest 100 entries at or after `since`.
    public func auditLog(since: Instant) throws -> [AuditEntry] { try auditLog(limit: 100, since: since) }
}
