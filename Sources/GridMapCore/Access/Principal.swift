/// Who a request acts as: the holder of a bearer token.
public struct Principal: Sendable, Equatable {
    /// The token's row (nil for principals that hold no token).
    public var tokenID: Int64?
    /// The name given to the token when it was created (a person or a system).
    public var name: String
    public var role: AccessRole

    public init(tokenID: Int64?, name: String, role: AccessRole) {
        self.tokenID = tokenID
        self.name = name
        self.role = role
    }
}
