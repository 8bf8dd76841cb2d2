import GridMapCore
import Hummingbird

/// Bearer tokens and the audit log. Finds what a request needs (``AccessRules``, from the declared routes), authenticates
/// its `Authorization: Bearer` token into `context.principal`, refuses it (401 with
/// `WWW-Authenticate: Bearer` without a valid token, 403 when the role lacks the permission) and,
/// for every request needing more than a read, appends an audit entry after the handler: who, from
/// where, `METHOD path`, the status (refusals included), the query string and what the handler
/// noted (`context.audit`); never the body or the token. A failed audit write is logged; the answer
/// stands. On a read-only store a request needing more than a read is refused 503 `read_only_database`
/// (after authentication; unaudited, as nothing can be written). Reads need no token under `AccessPolicy.publicReads`, but a token sent is still checked.
struct AccessMiddleware<Context: AccessRequestContext>: RouterMiddleware {
    let store: any GridMapRepository
    let policy: AccessPolicy
    let rules: AccessRules
    let tokens: TokenCache

    init(store: any GridMapRepository, policy: AccessPolicy, rules: AccessRules) {
        self.store = store
        self.policy = policy
        self.rules = rules
        tokens = TokenCache(store: store, recheck: policy.tokenRecheck)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let permission = rules.permission(request.method, request.uri.path) else {
            return try await next(request, context)
        }
        var context = context
        let response: Response
        do {
            context.principal = try principal(request, context)
            try authorize(context.principal, permission, request)
            if store.isReadOnly && !permission.isRead {
                // Nothing can be written, the audit entry included.
                return APIError(ReadOnlyStoreError()).response()
            }
            response = try await next(request, context)
        } catch let refusal as Refusal {
            response = refusal.response
        }
        if !permission.isRead { audit(request, context, response.status) }
        return response
    }

    /// The holder of the request's token; nil when it sends none.
    private func principal(_ request: Request, _ context: Context) throws(Refusal) -> Principal? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unauthorized("the Authorization header must be 'Bearer <token>'", invalidToken: true)
        }
        let found: Principal?
        do {
            found = try tokens.principal(forToken: String(parts[1].drop { $0 == " " }))
        } catch {
            context.logger.error("token lookup failed: \(error)")
            throw Refusal(APIError(.internalServerError, "internal", "internal error").response())
        }
        guard let found else { throw .unauthorized("the bearer token is unknown or revoked", invalidToken: true) }
        return found
    }

    private func authorize(_ principal: Principal?, _ permission: Permission, _ request: Request) throws(Refusal) {
        if principal?.role.may(permission) ?? (permission.isRead && policy.publicReads) { return }
        let what = "\(request.method) \(request.uri.path)", roles = permission.roles.map(\.rawValue).joined(separator: ", ")
        guard let principal else {
            throw .unauthorized("\(what) needs a bearer token of a role with \(permission.rawValue): \(roles)", invalidToken: false)
        }
        throw Refusal(APIError(.forbidden, "forbidden",
                               "role \(principal.role.rawValue) lacks \(permission.rawValue), which \(what) needs (roles with it: \(roles))").response())
    }

    private func audit(_ request: Request, _ context: Context, _ status: HTTPResponse.Status) {
        var detail = context.audit.recorded
        if let query = request.uri.query { detail["query"] = .string(query) }
        let entry = AuditActor(context.principal, origin: context.origin)
            .entry("\(request.method) \(request.uri.path)", target: request.uri.path, status: status.code, detail: detail)
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
