import GridMapCore
import Hummingbird

/// `GET /v1/platforms` and `GET /v1/categories`: each town's platform model, all towns or
/// `?town=CODE`.
struct PlatformsController<Context: RequestContext>: Sendable {
    let served: ServedStateHolder

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/platforms", use: platforms)
        router.get("/v1/categories", use: categories)
    }

    @Sendable func platforms(_ request: Request, context: Context) async throws -> Response {
        try towns(request) { json, router in
            json.raw(",\"platforms\":[")
            for (i, p) in router.taxonomy.platforms.enumerated() {
                if i > 0 { json.raw(",") }
                json.raw("{\"code\":"); json.string(p.code); json.raw(",\"name\":"); json.string(p.name)
                json.raw(",\"lead\":"); json.string(p.lead); json.raw(",\"offices\":["); json.strings(p.offices); json.raw("]}")
            }
            json.raw("]")
        }
    }

    /// Each category with its parent, effective deadline and where it goes outside overrides.
    @Sendable func categories(_ request: Request, context: Context) async throws -> Response {
        try towns(request) { json, router in
            json.raw(",\"categories\":[")
            for (i, c) in router.taxonomy.categories.enumerated() {
                if i > 0 { json.raw(",") }
                json.raw("{\"code\":"); json.string(c.code); json.raw(",\"name\":"); json.string(c.name)
                json.raw(",\"parent\":"); json.optionalString(c.parent)
                json.raw(",\"deadline_hours\":")
                if let hours = router.deadlineHours(of: c.code) { json.number(hours) } else { json.raw("null") }
                if let routing = router.route(category: c.code, grid: nil, village: nil) {
                    json.raw(",\"platform\":"); json.platform(routing.platform, withLead: false)
                    json.raw(",\"office\":"); json.optionalString(routing.office)
                }
                json.raw("}")
            }
            json.raw("]")
        }
    }

    /// `{"towns":[{"town":{…},"model":…,"name":…<members>}]}` for the towns asked for.
    private func towns(_ request: Request, members: (inout JSONWriter, TaxonomyRouter) -> Void) throws -> Response {
        let resolver = served.latest.boundaries.resolver
        var towns = resolver.snapshot.towns.map(\.unit).sorted { $0.code < $1.code }
        if let code = request.uri.queryParameters["town"].map(String.init) {
            towns = towns.filter { $0.code == code }
            if towns.isEmpty { throw APIError(.notFound, "unknown_town", "no town has code '\(code)'") }
            if resolver.routers[code] == nil {
                throw APIError(.notFound, "no_platform_model", "town \(code) has no platform model (import a platforms.json)")
            }
        }
        var json = JSONWriter(capacity: 4096)
        json.raw("{\"towns\":[")
        for (i, town) in towns.filter({ resolver.routers[$0.code] != nil }).enumerated() {
            let router = resolver.routers[town.code]!
            if i > 0 { json.raw(",") }
            json.raw("{\"town\":{\"code\":"); json.string(town.code); json.raw(",\"name\":"); json.string(town.name)
            json.raw("},\"model\":"); json.string(router.taxonomy.model)
            json.raw(",\"name\":"); json.string(router.taxonomy.name)
            members(&json, router)
            json.raw("}")
        }
        json.raw("]}")
        return json.response()
    }
}
