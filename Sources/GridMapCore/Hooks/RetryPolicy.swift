/// How often and how patiently a delivery is retried: `attempts` tries in all, waiting
/// `firstDelay`, then twice as long each time, never more than `maxDelay`; then the delivery is a
/// dead letter. The default gives up after 8 tries over about 4 minutes.
public struct RetryPolicy: Sendable, Equatable {
    public var attempts: Int
    public var firstDelay: Duration
    public var maxDelay: Duration

    public init(attempts: Int = 8, firstDelay: Duration = .seconds(2), maxDelay: Duration = .seconds(120)) {
        precondition(attempts >= 1, "a delivery is tried at least once")
        self.attempts = attempts
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
    }

    /// The wait after failed try number `attempt` (1-based); nil after the last one.
    public func delay(after attempt: Int) -> Duration? {
        guard attempt < attempts else { return nil }
        let doubled = firstDelay * Int(1 << min(attempt - 1, 30))
        return min(doubled, maxDelay)
    }
}
