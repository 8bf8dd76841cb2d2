import Synchronization

/// Resolvers for the boundaries and platform models valid at any instant, so an event is
/// located and routed by what was valid when it was reported: a view of the store's history at
/// the boundary revision it was made at. Resolvers are built on first use and kept per period
/// between two stored changes, so they stay as of that revision; once the store has moved on,
/// an instant not looked up before is answered from the store as it is then (and not kept).
/// Whoever outlives a change makes a new one — the server's served state does, per revision.
public final class HistoricalResolvers: Sendable {
    private let store: any BoundaryRepository
    /// The boundary revision the periods were read at.
    public let revision: Int
    /// Every instant at which a boundary or platform model starts or ends, ascending.
    private let changes: [Instant]
    private let resolvers = Mutex<[Instant?: Resolver]>([:])

    /// Reads the store's revision and the instants at which its boundaries changed.
    public init(store: any BoundaryRepository) throws {
        self.store = store
        revision = try store.boundaryRevision()
        changes = try store.changeInstants()
    }

    /// The resolver valid at `instant`.
    public func resolver(at instant: Instant) throws -> Resolver {
        let period = Self.period(of: instant, in: changes)
        if let kept = resolvers.withLock({ $0[period] }) { return kept }
        let resolver = Resolver(try store.snapshot(asOf: instant))
        if resolver.snapshot.revision == revision { resolvers.withLock { $0[period] = resolver } }
        return resolver
    }

    /// The last change at or before `instant` (nil before the first): instants in one period see
    /// the same boundaries.
    private static func period(of instant: Instant, in changes: [Instant]) -> Instant? {
        var low = 0, high = changes.count
        while low < high {
            let mid = (low + high) / 2
            if changes[mid] <= instant { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : changes[low - 1]
    }
}
