import GridMapGeometry

/// One row of the outbox: a change to an event, written in the transaction that made it, in
/// commit order (`id` only grows). Deliveries, the county's polling and the live stream all read it.
public struct OutboxEntry: Sendable, Equatable {
    /// The delivery id (`X-GridMap-Delivery`, the stream's `id:`).
    public var id: Int64
    public var topic: OutboxTopic
    public var eventID: Int64
    /// The history entry that records the change.
    public var seq: Int
    public var at: Instant

    public init(id: Int64, topic: OutboxTopic, eventID: Int64, seq: Int, at: Instant) {
        self.id = id
        self.topic = topic
        self.eventID = eventID
        self.seq = seq
        self.at = at
    }
}
