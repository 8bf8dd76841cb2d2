import GridMapCore
import Logging
import Synchronization

/// The resolver the server answers from, replaced atomically when the store's boundary
/// revision changes: requests in flight keep the one they started with.
public final class ServedBoundaries: Sendable {
    private let current: Mutex<ResolutionJSON>
    private let store: any BoundaryRepository

    /// Loads the store's current boundaries and builds the index.
    public init(store: any BoundaryRepository) throws {
        self.store = store
        current = Mutex(ResolutionJSON(Resolver(try store.snapshot())))
    }

    var resolution: ResolutionJSON { current.withLock { $0 } }

    public var resolver: Resolver { resolution.resolver }

    /// Rebuilds and swaps in a new index if the stored boundaries changed; true if it did.
    @discardableResult
    public func reloadIfChanged(logger: Logger? = nil) throws -> Bool {
        let revision = try store.boundaryRevision()
        guard revision != resolver.snapshot.revision else { return false }
        let next = ResolutionJSON(Resolver(try store.snapshot()))
        current.withLock { $0 = next }
        logger?.info("boundaries reloaded", metadata: ["revision": "\(next.resolver.snapshot.revision)",
                                                        "grids": "\(next.resolver.grids.count)"])
        return true
    }
}
