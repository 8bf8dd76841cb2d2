/// How repeated failed sign-ins lock an account: the first `freeFailures` cost nothing; each one
/// after locks the account for `firstLock`, doubled with each further failure, up to `longestLock`.
/// A success clears the count. An account is locked, not an address, so a guesser spread over many
/// addresses is slowed just the same (and a locked-out person asks an admin: `gridmap user reset-password`).
public struct SignInPolicy: Sendable {
    public var freeFailures: Int
    public var firstLock: Duration
    public var longestLock: Duration

    public init(freeFailures: Int = 5, firstLock: Duration = .seconds(60), longestLock: Duration = .seconds(3600)) {
        self.freeFailures = freeFailures
        self.firstLock = firstLock
        self.longestLock = longestLock
    }

    /// Until when an account with `failures` consecutive failures, the latest at `now`, is locked; nil: not locked.
    public func lockedUntil(failures: Int, at now: Instant) -> Instant? {
        guard failures > freeFailures else { return nil }
        let doublings = min(failures - freeFailures - 1, 20)
        let lock = min(firstLock * (1 << doublings), longestLock)
        return now.adding(lock)
    }
}
