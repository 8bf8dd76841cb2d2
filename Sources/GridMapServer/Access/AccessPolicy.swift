/// Server-wide access settings.
public struct AccessPolicy: Sendable {
    /// Reads (the `read` and `resolve` permissions) need no token. Off by default: a server
    /// answers only token holders unless its operator opens the reads (`gridmap serve --public-reads`).
    public var publicReads: Bool
    /// How long a token's holder is trusted before it is looked up again: the longest a revoked
    /// token keeps working.
    public var tokenRecheck: Duration

    public init(publicReads: Bool = false, tokenRecheck: Duration = .seconds(2)) {
        self.publicReads = publicReads
        self.tokenRecheck = tokenRecheck
    }
}
