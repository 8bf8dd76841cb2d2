/// The live stream's limits: most clients at once (503 beyond), how often the outbox is looked
/// at for them, and how long an idle stream waits before a heartbeat comment.
public struct LiveSettings: Sendable {
    public var maxClients: Int
    public var poll: Duration
    public var heartbeat: Duration

    public init(maxClients: Int = 256, poll: Duration = .milliseconds(100), heartbeat: Duration = .seconds(15)) {
        self.maxClients = maxClients
        self.poll = poll
        self.heartbeat = heartbeat
    }
}
