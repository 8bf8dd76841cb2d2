import GridMapCore
import GridMapGeometry
import GridMapJSON
import Hummingbird

/// 联合执法: `POST /v1/operations {"title", "offices": [...], "area" (a GeoJSON Polygon or
/// MultiPolygon) | "grids": [...] | "villages": [...], "start", "end", "events"?, "outcome"?,
/// "notes"?}` (201, the operation with the grids its area covers, resolved against the boundaries
/// valid at its start; `start` a time or a date's start, `end` a time or a date's end, both Beijing
/// without a zone); `GET /v1/operations?from&to&office&grid&town&format=geojson` (operations whose
/// period overlaps [from, to), newest first) and `GET /v1/operations/{id}`. Scoped callers see and
/// record only operations inside their scope; outcome, notes and the recorder are personal data.
struct OperationsController<Context: AccessRequestContext>: Sendable {
    let store: any GridMapRepository
    let served: ServedStateHolder
    let clock: ServerClock

    func addRoutes(to routes: RouteTable<Context>) {
        routes.post("/v1/operations", needs: .manageEvents, use: create)
        routes.get("/v1/operations", use: list)
        routes.get("/v1/operations/:id", use: show)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody(request, maxBytes: 1 << 20)
        guard let start = try body.optionalInstant("start") else { throw APIError.badRequest("missing_field", "'start' is required") }
        guard let end = try body.optionalDeadline("end") else { throw APIError.badRequest("missing_field", "'end' is required") }
        let draft = OperationDraft(title: try body.requiredString("title"), offices: try body.optionalStrings("offices") ?? [],
                                   area: try Self.area(body), start: start, end: end, events: try Self.eventIDs(body),
                                   outcome: try body.optionalString("outcome"), notes: try body.optionalString("notes"))
        let snapshot = try served.current().boundaries.snapshot(asOf: start)
        let stored = try store.recordOperation(try draft.resolved(in: snapshot, within: context.scope, by: context.actor, at: clock.now()))
        context.audit.record("operation_id", .number(Double(stored.id)))
        var json = JSONWriter(capacity: 4096)
        json.operation(stored, masked: !context.viewer.seesPersonal)
        var response = json.response(status: .created)
        response.headers[.location] = "/v1/operations/\(stored.id)"
        return response
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let parameters = QueryParameters(request)
        var query = OperationQuery()
        query.from = try parameters.instant("from")
        query.to = try parameters.instant("to")
        query.office = parameters.text("office")
        query.grid = parameters.text("grid")
        query.town = parameters.text("town")
        let found = try store.operations(query).filter(context.scope.covers)
        var json = JSONWriter(capacity: 1024 + found.count * 2048)
        json.operationList(found, geojson: parameters.text("format") == "geojson", masked: { _ in !context.viewer.seesPersonal })
        return json.response()
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an operation")
        guard let operation = try store.operation(id), context.scope.covers(operation) else {
            throw APIError(.notFound, "unknown_operation", OperationError.notFound(id).description)
        }
        var json = JSONWriter(capacity: 4096)
        json.operation(operation, masked: !context.viewer.seesPersonal)
        return json.response()
    }

    /// Exactly one of `area`, `grids` and `villages`.
    private static func area(_ body: JSONBody) throws -> OperationArea {
        let given = ["area", "grids", "villages"].filter { body.fields[$0] != nil && body.fields[$0] != .null }
        guard given.count == 1 else {
            throw APIError.badRequest(given.isEmpty ? "missing_field" : "invalid_field",
                                      "give the operation's area as exactly one of 'area' (a GeoJSON Polygon or MultiPolygon), 'grids' or 'villages'")
        }
        switch given[0] {
        case "grids": return .grids(try body.optionalStrings("grids") ?? [])
        case "villages": return .villages(try body.optionalStrings("villages") ?? [])
        default:
            do {
                return .polygon(try GeoJSON.multiPolygon(body.fields["area"]))
            } catch let error as GeoJSONError {
                throw APIError.badRequest("invalid_geometry", "'area': \(error.description)")
            }
        }
    }

    private static func eventIDs(_ body: JSONBody) throws -> [Int64] {
        guard let value = body.fields["events"], value != .null else { return [] }
        let ids = value.array?.compactMap { $0.number.flatMap { Int64(exactly: $0) } }
        guard let ids, ids.count == value.array?.count else {
            throw APIError.badRequest("invalid_field", "'events' must be an array of event ids")
        }
        return ids
    }
}
