/// The outbox of changes (``OutboxEntry``), written with the events' history.
public protocol OutboxRepository: Sendable {
    /// Up to `limit` rows after `after`, oldest first.
    func outbox(after: Int64, limit: Int) throws -> [OutboxEntry]
    /// The newest row's id (0 when empty).
    func lastOutboxID() throws -> Int64
}
