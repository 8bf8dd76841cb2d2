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
        /// When the account was last read.
        var checked: Instant
    }

    private let accounts: any AccountRepository
    // Milliseconds: a signed-in read compares integers, not `Duration`s.
    private let idle: Int64
    private let lifetime: Int64
    private let recheck: Int64
    private let held = Mutex<[String: Session]>([:])

    init(accounts: any AccountRepository, policy: AccessPolicy) {
        self.accounts = accounts
        idle = policy.sessionIdle.wholeMilliseconds
        lifetime = policy.sessionLifetime.wholeMilliseconds
        recheck = policy.tokenRecheck.wholeMilliseconds
    }

    /// Opens a session for `account`: the cookie's value and the session.
    func open(for account: UserAccount, at now: Instant = .now()) -> (id: String, session: Session) {
        let session = Session(principal: account.principal, csrfToken: SecretToken.random(), started: now, lastUsed: now, checked: now)
        let id = SecretToken.random()
        held.withLock { sessions in
            sessions = sessions.filter { !isExpired($0.value, at: now) }
            sessions[id] = session
        }
        return (id, session)
    }

    /// The live session with that cookie value, marked used now; nil when there is none or it
    /// expired. One lookup in one lock; the request that finds the account due for a recheck reads
    /// it (the others go on with the session as it is meanwhile).
    func session(_ id: String, at now: Instant = .now()) throws -> Session? {
        guard let (session, due) = held.withLock({ sessions -> (Session, Bool)? in
            guard let index = sessions.index(forKey: id) else { return nil }
            guard !isExpired(sessions.values[index], at: now) else { sessions.remove(at: index); return nil }
            sessions.values[index].lastUsed = now
            let due = now.milliseconds - sessions.values[index].checked.milliseconds >= recheck
            if due { sessions.values[index].checked = now }
            return (sessions.values[index], due)
        }) else { return nil }
        guard due, let userID = session.principal.userID else { return session }
        guard let account = try accounts.user(id: userID), account.disabledAt == nil else {
            close(id)
            return nil
        }
        held.withLock { $0[id]?.principal = account.principal }
        var rechecked = session
        rechecked.principal = account.principal
        return rechecked
    }

    /// Ends a session.
    func close(_ id: String) { held.withLock { $0[id] = nil } }

    /// When the session ends if unused from now: the earlier of its idle and absolute limits.
    func expiry(of session: Session) -> Instant {
        Instant(milliseconds: min(session.lastUsed.milliseconds + idle, session.started.milliseconds + lifetime))
    }

    /// Seconds a new session's cookie is kept by the browser: its absolute lifetime.
    var cookieMaxAge: Int { Int(lifetime / 1000) }

    private func isExpired(_ session: Session, at now: Instant) -> Bool { !(now < expiry(of: session)) }
}
