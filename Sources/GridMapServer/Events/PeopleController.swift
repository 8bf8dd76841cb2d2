import GridMapCore
import GridMapJSON
import Hummingbird

/// `POST /v1/people/absence` `{"unit": code, "role": "网格员", "post": "A", "absent": true}`: marks
/// a post holder absent (the B post then stands in) or back; answers who is now on duty there and
/// whether anything `changed` (marking again what is already marked stores nothing). A scoped
/// caller may change only its scope's people (403 `out_of_scope`).
struct PeopleController<Context: AccessRequestContext>: Sendable {
    let store: any PeopleRepository
    let served: ServedStateHolder

    func addRoutes(to routes: RouteTable<Context>) {
        routes.post("/v1/people/absence", needs: .manageEvents, use: absence)
    }

    @Sendable func absence(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody(request, maxBytes: 4096)
        let unit = try body.requiredString("unit"), roleText = try body.requiredString("role")
        guard let role = PersonRole(rawValue: roleText) else {
            throw APIError.badRequest("invalid_field", "'role': one of " + PersonRole.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let post = Post(rawValue: (try body.optionalString("post") ?? "A").uppercased()) else {
            throw APIError.badRequest("invalid_field", "'post' must be A or B")
        }
        guard case .bool(let absent) = body.fields["absent"] else {
            throw APIError.badRequest("missing_field", "'absent' (true or false) is required")
        }
        guard context.scope.covers(unit: unit, level: role.attachedTo, in: try served.current().boundaries.snapshot) else {
            throw ScopeError(scope: context.scope, what: "\(role.attachedTo.rawValue) \(unit)")
        }
        let update = try store.setAbsent(absent, unit: unit, role: role, post: post)
        guard update.matched > 0 else {
            throw APIError(.notFound, "unknown_person", "no \(role.rawValue) holds post \(post.rawValue) of \(unit)")
        }
        // Read after the change: the served state follows it.
        let resolver = try served.current().boundaries.resolver
        let holder = AdminUnit(level: role.attachedTo, code: unit, name: "", parentCode: nil)
        var json = JSONWriter()
        json.absenceUpdate(unit: unit, changed: update.changed > 0, onDuty: resolver.people(of: holder))
        return json.response()
    }
}
