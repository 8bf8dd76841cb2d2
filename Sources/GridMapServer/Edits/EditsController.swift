import GridMapCore
import GridMapJSON
import Hummingbird

/// `POST /v1/edits/preview` (dry run: the full diff, 422 with the problems when refused) and
/// `POST /v1/edits` (commit: 201; 200 with `"changed": false` and nothing stored when the edit
/// changes nothing; 412 when `If-Match` names stale versions; 422 when refused).
/// After a commit the served boundaries are swapped at once, not at the next reload poll; the
/// change's id goes to the request's audit entry.
struct EditsController<Context: AccessRequestContext>: Sendable {
    let store: any BoundaryRepository
    let served: ServedStateHolder
    let planner: EditPlanner
    /// Previews and commits (each plans the edit: GEOS over the redrawn units) run under it.
    let heavyWork: HeavyWorkGate
    /// Largest edit body: a redrawn village may carry tens of thousands of vertices.
    static var maxBodyBytes: Int { 8 << 20 }

    func addRoutes(to routes: RouteTable<Context>) {
        routes.post("/v1/edits/preview", needs: .editBoundaries, use: preview)
        routes.post("/v1/edits", needs: .editBoundaries, use: commit)
        // Whatever else changes edits or grid boundaries is the planner's too.
        routes.changes(below: "/v1/edits", need: .editBoundaries)
        routes.changes(below: "/v1/grids", need: .editBoundaries)
    }

    @Sendable func preview(_ request: Request, context: Context) async throws -> Response {
        let (edit, _) = try EditRequestParser.parse(try await JSONBody(request, maxBytes: Self.maxBodyBytes))
        let preview = try await heavyWork.run("an edit preview") { [scope = context.scope] in try store.previewEdit(edit, planner: planner, within: scope) }
        guard preview.plan.isValid else { return Self.rejection(preview, for: context.viewer) }
        return Self.answer(status: .ok) { $0.editPreview(preview, for: context.viewer) }
    }

    @Sendable func commit(_ request: Request, context: Context) async throws -> Response {
        let (edit, reason) = try EditRequestParser.parse(try await JSONBody(request, maxBytes: Self.maxBodyBytes))
        let editor = EditAuthor(actor: AuditActor(context.principal, origin: context.origin), reason: reason ?? "",
                                expectedTags: try IfMatch.tags(request.headers[.ifMatch]), scope: context.scope)
        let commit: EditCommit
        do {
            commit = try await heavyWork.run("an edit") { try store.commitEdit(edit, by: editor, planner: planner) }
        } catch EditRejection.invalid(let preview) {
            return Self.rejection(preview, for: context.viewer)
        }
        guard let changeID = commit.changeID else { return Self.answer(status: .ok) { $0.editCommit(commit, for: context.viewer) } }
        context.audit.record("change_id", .number(Double(changeID)))
        try served.refresh()
        return Self.answer(status: .created) { $0.editCommit(commit, for: context.viewer) }
    }

    static func rejection(_ preview: EditPreview, for viewer: Viewer) -> Response {
        answer(status: .unprocessableContent) { $0.editRejection(preview, for: viewer) }
    }

    private static func answer(status: HTTPResponse.Status, _ write: (inout JSONWriter) -> Void) -> Response {
        var json = JSONWriter(capacity: 16 << 10)
        write(&json)
        return json.response(status: status)
    }
}

/// `If-Match` as a set of version tags; nil when absent or `*`.
enum IfMatch {
    static func tags(_ header: String?) throws -> Set<String>? {
        guard let header, header.trimmingCharacters(in: .whitespaces) != "*" else { return nil }
        let tags = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasPrefix("W/") ? String($0.dropFirst(2)) : $0 }
        guard tags.allSatisfy({ $0.count >= 2 && $0.hasPrefix("\"") && $0.hasSuffix("\"") }) else {
            throw APIError.badRequest("invalid_header", "If-Match must list quoted ETags, e.g. \"v12\"")
        }
        return Set(tags.map { String($0.dropFirst().dropLast()) })
    }
}
