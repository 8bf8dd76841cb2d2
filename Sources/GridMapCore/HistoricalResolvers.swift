import Synchronization

/// Resolvers for the boundaries and platform models valid at any instant, so an event is
/// located and routed by what was valid when it was reported. Built from the store on first use
/// and cached per period between two stored changes; the cache is dropped when the store's
/// boundary revision moves.
public final class HistoricalResolvers: Sendable {
    private let store: any BoundaryRepository
    private let cache = Mutex(Cache())

    private struct Cache {
        var revision = -1
        /// Every instant at which a boundary or platform model starts or ends, ascending.
        var changes: [String] = []
        var resolvers: [String: Resolver] = [:]
    }

    public init(store: any BoundaryRepository) { self.store = store }

    /// The resolver valid at `instant` (normalised ISO 8601, see ``Timestamp``).
    public func resolver(at instant: String) throws -> Resolver {
        try refresh()
        return try cachedResolver(at: instant)
    }

    /// A lookup for many instants at once: the store's revision is checked once, here.
    public func lookup() throws -> @Sendable (String) throws -> Resolver {
        try refresh()
        return { [self] instant in try cachedResolver(at: instant) }
    }

    /// Drops the cache when the store's boundaries or platform models changed.
    private func refresh() throws {
        let revision = try store.boundaryRevision()
        guard cache.withLock({ $0.revision }) != revision else { return }
        let changes = try store.changeInstants()
        cache.withLock { $0 = Cache(revision: revision, changes: changes, resolvers: [:]) }
    }

    private func cachedResolver(at instant: String) throws -> Resolver {
        let (period, revision) = cache.withLock { (Self.period(of: instant, in: $0.changes), $0.revision) }
        if let cached = cache.withLock({ $0.resolvers[period] }) { return cached }
        let resolver = Resolver(try store.snapshot(asOf: instant))
        cache.withLock { if $0.revision == revision { $0.resolvers[period] = resolver } }
        return resolver
    }

    /// The last change at or before `instant` ("" before the first): instants in one period see
    /// the same boundaries.
    private static func period(of instant: String, in changes: [String]) -> String {
        var low = 0, high = changes.count
        while low < high {
            let mid = (low + high) / 2
            if changes[mid] <= instant { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? "" : changes[low - 1]
    }
}
