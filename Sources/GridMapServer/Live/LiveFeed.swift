import GridMapCore
import Logging
import ServiceLifecycle
import Synchronization

/// The outbox as it grows, read once for every client of `GET /v1/stream`: a service polls it
/// every `poll`, loads each new row's event once, and hands the batch to every subscriber; an
/// empty batch every `heartbeat` keeps idle connections alive. At most `maxClients` subscribe at
/// once (``LiveFeedFull`` beyond). Graceful shutdown ends every subscription.
final class LiveFeed: Service, Sendable {
    /// A change with its event as it was read right after.
    struct Item: Sendable {
        let entry: OutboxEntry
        let event: EventRecord
    }

    /// A client's share of the feed: everything after `start`, in batches.
    struct Subscription: Sendable {
        let id: Int
        /// The last outbox id before this subscription's first batch.
        let start: Int64
        let batches: AsyncStream<[Item]>
    }

    private struct State {
        var last: Int64
        var nextID = 0
        var subscribers: [Int: AsyncStream<[Item]>.Continuation] = [:]
        var stopped = false
    }

    let store: any GridMapRepository
    let maxClients: Int
    let poll: Duration
    let heartbeat: Duration
    let logger: Logger
    private let state: Mutex<State>

    init(store: any GridMapRepository, maxClients: Int, poll: Duration, heartbeat: Duration, logger: Logger) throws {
        self.store = store
        self.maxClients = maxClients
        self.poll = poll
        self.heartbeat = heartbeat
        self.logger = logger
        state = Mutex(State(last: try store.lastOutboxID()))
    }

    /// A new subscriber; throws ``LiveFeedFull`` when `maxClients` are subscribed already.
    func subscribe() throws -> Subscription {
        let (batches, continuation) = AsyncStream<[Item]>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let subscription = try state.withLock { state throws(LiveFeedFull) in
            guard state.subscribers.count < maxClients, !state.stopped else { throw LiveFeedFull(maximum: maxClients) }
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            return Subscription(id: state.nextID, start: state.last, batches: batches)
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(subscription.id) }
        return subscription
    }

    private func unsubscribe(_ id: Int) { _ = state.withLock { $0.subscribers.removeValue(forKey: id) } }

    /// Ends a subscription now (its stream's last batch is the one it holds).
    func end(_ subscription: Subscription) {
        state.withLock { $0.subscribers.removeValue(forKey: subscription.id) }?.finish()
    }

    var clients: Int { state.withLock { $0.subscribers.count } }

    func run() async {
        await cancelWhenGracefulShutdown {
            var sinceHeartbeat = Duration.zero
            while (try? await Task.sleep(for: self.poll)) != nil {
                sinceHeartbeat += self.poll
                do {
                    if try self.publishNew() {
                        sinceHeartbeat = .zero
                    } else if sinceHeartbeat >= self.heartbeat {
                        self.broadcast([], last: nil)
                        sinceHeartbeat = .zero
                    }
                } catch {
                    self.logger.error("reading the outbox for the live stream failed: \(error)")
                }
            }
        }
        let ended = state.withLock { state in
            state.stopped = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        ended.forEach { $0.finish() }
    }

    /// Publishes the rows after the last one published; false when there were none.
    private func publishNew() throws -> Bool {
        let last = state.withLock { $0.last }
        let entries = try store.outbox(after: last, limit: 500)
        guard let newest = entries.last?.id else { return false }
        var events: [Int64: EventRecord] = [:]
        let items = try entries.compactMap { entry -> Item? in
            if events[entry.eventID] == nil { events[entry.eventID] = try store.event(entry.eventID) }
            return events[entry.eventID].map { Item(entry: entry, event: $0) }
        }
        broadcast(items, last: newest)
        return true
    }

    /// Hands `items` to every subscriber and, in the same lock, moves the feed's position to `last`,
    /// so a subscription starting now gets exactly what comes after. A subscriber 256 batches
    /// behind is ended rather than skipped: its client reconnects with `Last-Event-ID` and
    /// catches up from the store.
    private func broadcast(_ items: [Item], last: Int64?) {
        let lagging = state.withLock { state in
            if let last { state.last = last }
            var lagging: [AsyncStream<[Item]>.Continuation] = []
            for (id, continuation) in state.subscribers {
                if case .dropped = continuation.yield(items) {
                    lagging.append(continuation)
                    state.subscribers[id] = nil
                }
            }
            return lagging
        }
        lagging.forEach { $0.finish() }
    }
}

/// `GET /v1/stream` refused: as many clients as allowed are connected (503 `too_many_streams`).
struct LiveFeedFull: CodedError {
    let maximum: Int
    var description: String { "the live stream has its \(maximum) clients already; retry later, or poll GET /v1/outbox" }
    var errorCode: String { "too_many_streams" }
    var failureKind: FailureKind { .unavailable }
}
