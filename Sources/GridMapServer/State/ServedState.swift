import GridMapCore
import Logging
import Synchronization

/// Everything the server answers from, at one boundary revision and one events revision. A
/// request reads one value and uses it throughout, so no answer mixes two revisions.
struct ServedState: Sendable {
    let boundaries: BoundaryView
    let events: EventView
}

/// The state the server answers from, swapped atomically for a new one when the store's
/// revisions move: requests in flight keep the value they started with.
///
/// `latest` costs nothing and serves the hot paths (resolving, platforms), refreshed by the
/// periodic reload and by this server's own writes; `current()` reads the store's two revisions
/// first (two indexed reads), for answers that must follow every stored change (events,
/// statistics, density, tiles, boundaries, OGC, after an edit).
public final class ServedStateHolder: Sendable {
    private let store: any GridMapRepository
    private let held: Mutex<ServedState>
    /// Held while a new state is built, so concurrent requests that see the same change build it once.
    private let rebuilding = Mutex(())
    private let logger: Logger?

    /// Loads the store's current boundaries and builds their indexes; the events' facts are read on first use.
    public init(store: any GridMapRepository, logger: Logger? = nil) throws {
        self.store = store
        self.logger = logger
        held = Mutex(ServedState(boundaries: try BoundaryView(store: store),
                                 events: EventView(store: store, revision: try store.eventsRevision())))
    }

    /// The state last built, without reading the store.
    var latest: ServedState { held.withLock { $0 } }

    /// The current resolver (the latest state's).
    public var resolver: Resolver { latest.boundaries.resolver }

    /// The state at the store's current revisions, rebuilt for what moved.
    func current() throws -> ServedState {
        let boundaryRevision = try store.boundaryRevision(), eventsRevision = try store.eventsRevision()
        let state = latest
        if state.boundaries.revision >= boundaryRevision && state.events.revision >= eventsRevision { return state }
        return try rebuilding.withLock { _ in
            // Another request may have built it meanwhile (revisions only grow).
            let state = latest
            let boundaries = state.boundaries.revision >= boundaryRevision ? state.boundaries : try BoundaryView(store: store)
            let events = state.events.revision >= eventsRevision ? state.events
                : EventView(store: store, revision: eventsRevision, after: state.events)
            let next = ServedState(boundaries: boundaries, events: events)
            held.withLock { $0 = next }
            if boundaries !== state.boundaries {
                logger?.info("boundaries reloaded", metadata: ["revision": "\(boundaries.revision)", "grids": "\(boundaries.resolver.grids.count)"])
            }
            return next
        }
    }

    /// Brings the state up to the store's revisions (the periodic reload does).
    public func refresh() throws {
        _ = try current()
    }
}
