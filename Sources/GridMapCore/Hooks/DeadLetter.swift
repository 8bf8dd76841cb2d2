import GridMapGeometry

/// A delivery that failed every try (``RetryPolicy``): kept so it can be seen and re-sent by hand
/// (`POST /v1/hooks/{id}/deliveries/{outbox_id}/resend`).
public struct DeadLetter: Sendable, Equatable {
    public var hookID: Int64
    /// The outbox row (`X-GridMap-Delivery`).
    public var outboxID: Int64
    public var topic: OutboxTopic
    public var eventID: Int64
    /// Tries so far, re-sends included.
    public var attempts: Int
    /// The last failure: an HTTP status or why no answer came.
    public var lastError: String
    public var failedAt: Instant
    public var state: State

    public enum State: String, Sendable, CaseIterable {
        /// Failed every try; waiting for a person.
        case dead
        /// Re-send asked for; the hook's worker sends it before anything new.
        case resending
        /// Re-sent and accepted.
        case delivered
    }

    public init(hookID: Int64, outboxID: Int64, topic: OutboxTopic, eventID: Int64, attempts: Int, lastError: String,
                failedAt: Instant, state: State) {
        self.hookID = hookID
        self.outboxID = outboxID
        self.topic = topic
        self.eventID = eventID
        self.attempts = attempts
        self.lastError = lastError
        self.failedAt = failedAt
        self.state = state
    }
}
