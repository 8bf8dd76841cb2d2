import GridMapCore
import GridMapGeometry
import GridMapJSON
import Hummingbird

/// Boundary layers and versions, each answering as of `as_of` (ISO 8601) when given:
/// `GET /v1/layers/{towns|villages|grids}` (FeatureCollection; `town=`, `village=` narrow it),
/// `GET /v1/{towns|villages|grids}/{code}` (a Feature with the version's `ETag`, to send back in
/// `If-Match` with an edit) and `GET /v1/{…}/{code}/history` (every version, oldest first, with
/// the edit that opened it; its author's name masked unless the caller may see personal data).
/// Boundaries are public geography: they are not narrowed to the caller's scope.
struct BoundariesController<Context: AccessRequestContext>: Sendable {
    let store: any BoundaryRepository
    let served: ServedStateHolder

    func addRoutes(to routes: RouteTable<Context>) {
        for level in AdminLevel.allCases {
            routes.get("/v1/layers/\(level.rawValue)s") { request, _ in try layer(request, level: level) }
            routes.get("/v1/\(level.rawValue)s/:code") { request, context in try unit(request, context: context, level: level) }
            routes.get("/v1/\(level.rawValue)s/:code/history") { request, context in try history(context: context, level: level) }
        }
    }

    func layer(_ request: Request, level: AdminLevel) throws -> Response {
        let query = QueryParameters(request)
        let snapshot = try served.current().boundaries.snapshot(asOf: query.asOf())
        let units = snapshot.boundaries(level, inTown: query.text("town"), village: query.text("village"))
        var json = JSONWriter(capacity: 64 * 1024)
        json.boundaryLayer(units)
        return json.response()
    }

    func unit(_ request: Request, context: Context, level: AdminLevel) throws -> Response {
        let code = context.parameters.get("code") ?? ""
        let asOf = try QueryParameters(request).asOf()
        guard let version = try store.boundaryVersion(level, code, asOf: asOf) else {
            throw APIError(.notFound, "unknown_unit", "no \(level.rawValue) \(code)" + (asOf.map { " at \($0)" } ?? ""))
        }
        var json = JSONWriter(capacity: 16 * 1024)
        json.boundaryVersion(version, masked: !context.viewer.seesPersonal)
        var response = json.response()
        response.headers[.eTag] = "\"\(version.tag)\""
        return response
    }

    func history(context: Context, level: AdminLevel) throws -> Response {
        let code = context.parameters.get("code") ?? ""
        let versions = try store.boundaryHistory(level, code)
        guard !versions.isEmpty else { throw APIError(.notFound, "unknown_unit", "no \(level.rawValue) \(code)") }
        var json = JSONWriter(capacity: 64 * 1024)
        json.boundaryHistory(versions, masked: !context.viewer.seesPersonal)
        return json.response()
    }
}
