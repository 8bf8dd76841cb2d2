/// Who a request acts as: a signed-in person or the holder of a bearer token.
public struct Principal: Sendable, Equatable {
    /// The token's row, for a token's holder.
    public var tokenID: Int64?
    /// The account's row, for a signed-in person.
    public var userID: Int64?
    /// The person's name, or the name given to the token (a person or a system).
    public var name: String
    public var role: AccessRole
    public var scope: AccessScope

    public init(tokenID: Int64? = nil, userID: Int64? = nil, name: String, role: AccessRole, scope: AccessScope = .everywhere) {
        self.tokenID = tokenID
        self.userID = userID
        self.name = name
        self.role = role
        self.scope = scope
    }
}
