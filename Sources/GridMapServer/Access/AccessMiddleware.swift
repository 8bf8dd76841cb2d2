import GridMapCore
import HTTPTypes
import Hummingbird

/// Who a request is, what it needs, and the audit log. Finds what a request needs (``AccessRules``,
/// from the declared routes), authenticates it into `context.principal` — an `Authorization:
/// Bearer` token (``TokenCache``) or the console's session cookie (``Sessions``) — refuses it (401
/// with `WWW-Authenticate: Bearer` without valid credentials, 403 when the role lacks the
/// permission, 403 `csrf` for a change made with the session cookie but without its
/// `X-CSRF-Token`) and, for every request needing more than a read, appends an audit entry after
/// the handler: who, from where, `METHOD path`, the status (refusals included), the query string
/// and what the handler noted (`context.audit`); never the body, the token or the cookie. A read
/// that showed personal data in full is audited too, through ``ReadAuditQueue`` (written within a
/// second, in batches; not on a read-only store). A failed audit write is logged; the answer stands. On a read-only store a request needing more than a
/// read is refused 503 `read_only_database` (after authentication; unaudited, as nothing can be
/// written). Reads need no credentials under `AccessPolicy.publicReads`, but those sent are still
/// checked. Public routes (`/healthz`, `/v1/session`) get the principal when the credentials are
/// good and are answered anonymously otherwise.
struct AccessMiddleware<Context: AccessRequestContext>: RouterMiddleware {
    let store: any GridMapRepository
    let policy: AccessPolicy
    let rules: AccessRules
    let tokens: TokenCache
    let sessions: Sessions
    let readAudit: ReadAuditQueue

    /// The header carrying a session's CSRF token on every change.
    static var csrfHeader: HTTPField.Name { HTTPField.Name("X-CSRF-Token")! }

    init(store: any GridMapRepository, policy: AccessPolicy, rules: AccessRules, sessions: Sessions, readAudit: ReadAuditQueue) {
        self.store = store
        self.readAudit = readAudit
        self.policy = policy
        self.rules = rules
        self.sessions = sessions
        tokens = TokenCache(store: store, recheck: policy.tokenRecheck)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard let need = rules.need(request.method, request.uri.path) else {
            context.principal = try? principal(request, context)
            return try await next(request, context)
        }
        let response: Response
        do {
            context.principal = try principal(request, context)
            try authorize(context.principal, need, request)
            if store.isReadOnly && !need.isRead {
                // Nothing can be written, the audit entry included.
                return APIError(ReadOnlyStoreError()).response()
            }
            response = try await next(request, context)
        } catch let refusal as Refusal {
            response = refusal.response
        }
        if !need.isRead {
            audit(request, context, response.status)
        } else if context.audit.disclosedPersonal && !store.isReadOnly {
            readAudit.append(entry(request, context, response.status))
        }
        return response
    }

    /// Whom the request's credentials stand for: its bearer token's holder, else its session's
    /// person; nil when it sends neither (an unknown or expired session cookie counts as none).
    private func principal(_ request: Request, _ context: Context) throws(Refusal) -> Principal? {
        do {
            // The first field, not `headers[.authorization]`, which joins every field's value anew.
            if let header = request.headers.first(where: { $0.name == .authorization })?.value { return try bearer(header) }
            guard let id = SessionCookie.value(in: request), let session = try sessions.session(id) else { return nil }
            if request.method != .get && request.method != .head && request.headers[Self.csrfHeader] != session.csrfToken {
                throw Refusal(APIError(.forbidden, "csrf", "a change made with the session cookie needs its X-CSRF-Token header "
                    + "(GET /v1/session gives it)").response())
            }
            return session.principal
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            context.logger.error("credentials lookup failed: \(error)")
            throw Refusal(APIError(.internalServerError, "internal", "internal error").response())
        }
    }

    private func bearer(_ header: String) throws -> Principal {
        guard let space = header.firstIndex(of: " "), header[..<space].lowercased() == "bearer" else {
            throw Refusal.unauthorized("the Authorization header must be 'Bearer <token>'", invalidToken: true)
        }
        guard let found = try tokens.principal(forToken: String(header[space...].drop { $0 == " " })) else {
            throw Refusal.unauthorized("the bearer token is unknown or revoked", invalidToken: true)
        }
        return found
    }

    private func authorize(_ principal: Principal?, _ need: AccessRules.Need, _ request: Request) throws(Refusal) {
        if principal.map({ need.isMet(by: $0.role) }) ?? (need.isRead && policy.publicReads) { return }
        let what = "\(request.method) \(request.uri.path)", roles = need.roles.map(\.rawValue).joined(separator: ", ")
        guard let principal else {
            throw .unauthorized("\(what) needs signing in (POST /v1/session) or a bearer token, of a role with \(need.name): \(roles)",
                                invalidToken: false)
        }
        throw Refusal(APIError(.forbidden, "forbidden",
                               "role \(principal.role.rawValue) lacks \(need.name), which \(what) needs (roles with it: \(roles))").response())
    }

    private func entry(_ request: Request, _ context: Context, _ status: HTTPResponse.Status) -> AuditEntry {
        var detail = context.audit.recorded
        if let query = request.uri.query { detail["query"] = .string(query) }
        return AuditActor(context.principal, origin: context.origin)
            .entry("\(request.method) \(request.uri.path)", target: request.uri.path, status: status.code, detail: detail)
    }

    private func audit(_ request: Request, _ context: Context, _ status: HTTPResponse.Status) {
        let entry = entry(request, context, status)
        do {
            try store.appendAudit(entry)
        } catch {
            context.logger.error("audit log write failed: \(error)", metadata: ["action": "\(entry.action)", "status": "\(status.code)"])
        }
    }
}

/// A refused request's answer.
private struct Refusal: Error {
    let response: Response

    init(_ response: Response) { self.response = response }

    /// 401 with a `WWW-Authenticate: Bearer` challenge (RFC 6750; `invalid_token` for a token sent but not valid).
    static func unauthorized(_ detail: String, invalidToken: Bool) -> Refusal {
        var response = APIError(.unauthorized, "unauthorized", detail).response()
        response.headers[.wwwAuthenticate] = invalidToken ? #"Bearer error="invalid_token""# : "Bearer"
        return Refusal(response)
    }
}
