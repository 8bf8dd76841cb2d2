import GridMapCore
import Synchronization

/// The console's sign-in sessions, held in this server's memory: a request with a session costs
/// no database read (the account is looked up again once `recheck` has passed, so a disabled
/// account or a changed role takes effect within seconds). A session ends after `idle` unused,
/// `lifetime` after sign-in, on sign-out, or when the server restarts (people sign in again).
/// Each has a CSRF token the console sends back on every change (`X-CSRF-Token`).
final class Sessions: Sendable {
    /// One signed-in session.
    struct Session: Sendable {
        var principal: Principal
        let csrfToken: String
        let started: Instant
        var lastUsed: Instant
        var checked: ContinuousClock.Instant
    }

    private let accounts: any AccountRepository
    private let idle: Duration
    private let lifetime: Duration
    private let recheck: Duration
    private let held = Mutex<[String: Session]>([:])

    init(accounts: any AccountRepository, policy: AccessPolicy) {
        self.accounts = accounts
        idle = policy.sessionIdle
        lifetime = policy.sessionLifetime
        recheck = policy.tokenRecheck
    }

    /// Opens a session for `account`: the cookie's value and the session.
    func open(for account: UserAccount, at now: Instant = .now()) -> (id: String, session: Session) {
        let session = Session(principal: account.principal, csrfToken: SecretToken.random(), started: now, lastUsed: now,
                              checked: .now)
        let id = SecretToken.random()
        held.withLock { sessions in
            sessions = sessions.filter { !isExpired($0.value, at: now) }
            sessions[id] = session
        }
        return (id, session)
    }

    /// The live session with that cookie value, marked used now; nil when there is none or it expired.
    func session(_ id: String, at now: Instant = .now()) throws -> Session? {
        let clock = ContinuousClock.now
        guard var session = held.withLock({ sessions -> Session? in
            guard let index = sessions.index(forKey: id) else { return nil }
            guard !isExpired(sessions.values[index], at: now) else { sessions.remove(at: index); return nil }
            sessions.values[index].lastUsed = now
            return sessions.values[index]
        }) else { return nil }
        guard clock - session.checked >= recheck, let userID = session.principal.userID else { return session }
        guard let account = try accounts.user(id: userID), account.disabledAt == nil else {
            close(id)
            return nil
        }
        session.principal = account.principal
        session.checked = clock
        held.withLock { sessions in
            if sessions[id] != nil { sessions[id]?.principal = account.principal; sessions[id]?.checked = clock }
        }
        return session
    }

    /// Ends a session.
    func close(_ id: String) { held.withLock { $0[id] = nil } }

    /// When the session ends if unused from now: the earlier of its idle and absolute limits.
    func expiry(of session: Session) -> Instant {
        min(session.lastUsed.adding(idle), session.started.adding(lifetime))
    }

    /// Seconds a new session's cookie is kept by the browser: its absolute lifetime.
    var cookieMaxAge: Int { Int(lifetime.components.seconds) }

    private func isExpired(_ session: Session, at now: Instant) -> Bool { !(now < expiry(of: session)) }
}
