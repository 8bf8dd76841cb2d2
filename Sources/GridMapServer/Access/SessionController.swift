import Foundation
import GridMapCore
import GridMapJSON
import HTTPTypes
import Hummingbird

/// Signing in and out of the console: `POST /v1/session {"name","password"}` checks the password
/// (``SignIn``: bcrypt, lockout, audited) and sets the session cookie (HttpOnly, SameSite=Strict,
/// Secure over HTTPS); `GET /v1/session` says who is signed in (a bearer token's holder too) and
/// gives the session's CSRF token; `DELETE /v1/session` signs out (audited `session delete`).
/// All three are public: they authenticate themselves.
struct SessionController<Context: AccessRequestContext>: Sendable {
    let signIn: SignIn
    let sessions: Sessions
    let store: any AccessRepository
    let policy: AccessPolicy

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/session", needs: nil, use: show)
        routes.post("/v1/session", needs: nil, use: create)
        routes.delete("/v1/session", needs: nil, use: delete)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        var json = JSONWriter()
        if let id = SessionCookie.value(in: request), context.principal?.userID != nil,
           let session = try sessions.session(id) {
            json.session(session.principal, csrfToken: session.csrfToken, expiresAt: sessions.expiry(of: session))
        } else {
            json.session(context.principal)
        }
        return json.response()
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody(request, maxBytes: 4096)
        let name = try body.requiredString("name"), password = try body.requiredString("password")
        let signIn = self.signIn, origin = context.origin
        let account: UserAccount
        do {
            // bcrypt takes a quarter of a second: off the event loop.
            account = try await Self.offloaded { try signIn.attempt(name: name, password: password, origin: origin) }
        } catch AccountError.locked(let until) {
            var response = APIError(AccountError.locked(until: until)).response()
            response.headers[.retryAfter] = String(max(1, (until.milliseconds - Instant.now().milliseconds + 999) / 1000))
            return response
        }
        let (id, session) = sessions.open(for: account)
        var json = JSONWriter()
        json.session(session.principal, csrfToken: session.csrfToken, expiresAt: sessions.expiry(of: session))
        var response = json.response(status: .created)
        response.setCookie(cookie(id, maxAge: sessions.cookieMaxAge, request))
        return response
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        if let id = SessionCookie.value(in: request), let principal = context.principal,
           principal.userID != nil {
            sessions.close(id)
            try store.appendAudit(AuditActor(principal, origin: context.origin).entry("session delete", target: "user/\(principal.userID!)", status: 204))
        }
        var response = Response(status: .noContent)
        response.setCookie(cookie("", maxAge: 0, request))
        return response
    }

    /// The session cookie: HttpOnly, SameSite=Strict, for the whole site; Secure when the server is
    /// reached over HTTPS (``AccessPolicy/secureCookies``, or a proxy's `X-Forwarded-Proto: https`).
    private func cookie(_ value: String, maxAge: Int, _ request: Request) -> Cookie {
        let https = policy.secureCookies || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        return SessionCookie.cookie(value, maxAge: maxAge, secure: https)
    }

    private static func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }
}
