import GridMapCore

/// How the hooks' deliveries run: the retry schedule, how long a receiver may take to answer,
/// how often a hook with nothing to send looks at the outbox, and how often new hooks are looked for.
public struct HookSettings: Sendable {
    public var retry: RetryPolicy
    /// A receiver that has not answered (status line and headers) in this long has failed this try.
    public var timeout: Duration
    public var poll: Duration
    public var discovery: Duration

    public init(retry: RetryPolicy = RetryPolicy(), timeout: Duration = .seconds(10), poll: Duration = .milliseconds(250),
                discovery: Duration = .seconds(1)) {
        self.retry = retry
        self.timeout = timeout
        self.poll = poll
        self.discovery = discovery
    }
}
