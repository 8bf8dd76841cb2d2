import GridMapCore
import Synchronization

/// The holders of tokens seen lately, so that a request with a known token costs no database
/// read (a read per request would cost GETs about two thirds of their throughput). A holder is
/// looked up again once `recheck` has passed, so a token revoked by `gridmap token revoke`
/// stops working within that time; a token not held is looked up every time (new tokens work at once).
final class TokenCache: Sendable {
    private let store: any AccessRepository
    private let recheck: Duration
    private let holders = Mutex<[String: (principal: Principal, checked: ContinuousClock.Instant)]>([:])

    init(store: any AccessRepository, recheck: Duration) {
        self.store = store
        self.recheck = recheck
    }

    /// The token's holder, or nil when it is unknown or revoked.
    func principal(forToken token: String) throws -> Principal? {
        let now = ContinuousClock.now
        if let held = holders.withLock({ $0[token] }), now - held.checked < recheck { return held.principal }
        let principal = try store.principal(forToken: token)
        holders.withLock { $0[token] = principal.map { ($0, now) } }
        return principal
    }
}
