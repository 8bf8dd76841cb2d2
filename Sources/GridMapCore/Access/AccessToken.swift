/// A bearer token as listed: never its text or hash.
public struct AccessToken: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var role: AccessRole
    public var scope: AccessScope
    public var createdAt: String
    /// When it stopped working; nil while it works.
    public var revokedAt: String?

    public init(id: Int64, name: String, role: AccessRole, scope: AccessScope = .everywhere, createdAt: String, revokedAt: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// A token just created: the only moment its text exists outside its holder's hands.
public struct IssuedToken: Sendable {
    public var id: Int64
    /// `gm_` and 32 random bytes in base64url (43 characters).
    public var token: String

    public init(id: Int64, token: String) {
        self.id = id
        self.token = token
    }
}
