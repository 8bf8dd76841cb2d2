import GridMapCore
import GridMapGeometry
import GridMapJSON
import Hummingbird

/// Boundary layers and versions, each answering as of `as_of` (ISO 8601) when given:
/// `GET /v1/layers/{towns|villages|grids}` (FeatureCollection; `town=`, `village=` narrow it),
/// `GET /v1/{towns|villages|grids}/{code}` (a Feature with the version's `ETag`, to send back in
/// `If-Match` with an edit) and `GET /v1/{…}/{code}/history` (every version, oldest first, with
/// the edit that opened it).
struct BoundariesController<Context: RequestContext>: Sendable {
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
        json.raw("{\"type\":\"FeatureCollection\",\"features\":")
        json.array(units) { json, boundary in
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string(boundary.unit.code)
            json.raw(",\"properties\":{"); unitProperties(&json, boundary.unit)
            json.raw("},\"geometry\":"); json.multiPolygonGeometry(boundary.geometry); json.raw("}")
        }
        json.raw("}")
        return json.response()
    }

    func unit(_ request: Request, context: Context, level: AdminLevel) throws -> Response {
        let code = context.parameters.get("code") ?? ""
        let asOf = try QueryParameters(request).asOf()
        guard let version = try store.boundaryVersion(level, code, asOf: asOf) else {
            throw APIError(.notFound, "unknown_unit", "no \(level.rawValue) \(code)" + (asOf.map { " at \($0)" } ?? ""))
        }
        var json = JSONWriter(capacity: 16 * 1024)
        feature(&json, version)
        var response = json.response()
        response.headers[.eTag] = "\"\(version.tag)\""
        return response
    }

    func history(context: Context, level: AdminLevel) throws -> Response {
        let code = context.parameters.get("code") ?? ""
        let versions = try store.boundaryHistory(level, code)
        guard !versions.isEmpty else { throw APIError(.notFound, "unknown_unit", "no \(level.rawValue) \(code)") }
        var json = JSONWriter(capacity: 64 * 1024)
        json.raw("{\"type\":\"FeatureCollection\",\"features\":")
        json.array(versions) { json, version in
            feature(&json, version)
        }
        json.raw("}")
        return json.response()
    }

    private func unitProperties(_ json: inout JSONWriter, _ unit: AdminUnit) {
        json.raw("\"code\":"); json.string(unit.code); json.raw(",\"name\":"); json.string(unit.name)
        if let parent = unit.level.parentCodeProperty {
            json.raw(","); json.string(parent); json.raw(":"); json.string(unit.parentCode ?? "")
        }
    }

    private func feature(_ json: inout JSONWriter, _ version: BoundaryVersion) {
        json.raw("{\"type\":\"Feature\",\"id\":"); json.string(version.unit.code)
        json.raw(",\"properties\":{"); unitProperties(&json, version.unit)
        json.raw(",\"version\":"); json.string(version.tag)
        json.raw(",\"valid_from\":"); json.instant(version.validFrom)
        json.raw(",\"valid_to\":"); json.instant(version.validTo)
        json.raw(",\"change\":")
        if let change = version.change {
            json.raw("{\"id\":"); json.number(Int(change.id)); json.raw(",\"at\":"); json.instant(change.at)
            json.raw(",\"author\":"); json.string(change.author); json.raw(",\"reason\":"); json.string(change.reason)
            json.raw(",\"operation\":"); json.raw(json: change.operation); json.raw("}")
        } else {
            json.raw("null")
        }
        json.raw("},\"geometry\":"); json.multiPolygonGeometry(version.geometry); json.raw("}")
    }
}
