/// Server-wide access settings.
public struct AccessPolicy: Sendable {
    /// Reads (the `read` and `resolve` permissions) need no token. Off by default: a server
    /// answers only token holders unless its operator opens the reads (`gridmap serve --public-reads`).
    public var publicReads: Bool

    public init(publicReads: Bool = false) { self.publicReads = publicReads }
}
