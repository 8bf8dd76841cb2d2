import GridMapCore
import GridMapJSON
import Hummingbird

/// `GET /v1/platforms` and `GET /v1/categories`: each town's platform model, all towns or
/// `?town=CODE`.
struct PlatformsController<Context: RequestContext>: Sendable {
    let served: ServedStateHolder

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/platforms", use: platforms)
        routes.get("/v1/categories", use: categories)
    }

    @Sendable func platforms(_ request: Request, context: Context) async throws -> Response {
        try towns(request, .platforms)
    }

    /// Each category with its parent, effective deadline and where it goes outside overrides.
    @Sendable func categories(_ request: Request, context: Context) async throws -> Response {
        try towns(request, .categories)
    }

    /// The towns asked for (all, or `?town=CODE`) with their model's `listing`.
    private func towns(_ request: Request, _ listing: TaxonomyJSON.Listing) throws -> Response {
        let resolver = served.latest.boundaries.resolver
        var towns = resolver.snapshot.towns.map(\.unit).sorted { $0.code < $1.code }
        if let code = request.uri.queryParameters["town"].map(String.init) {
            towns = towns.filter { $0.code == code }
            if towns.isEmpty { throw APIError(.notFound, "unknown_town", "no town has code '\(code)'") }
            if resolver.routers[code] == nil {
                throw APIError(.notFound, "no_platform_model", RoutingError.noPlatformModel(town: code).description)
            }
        }
        return TaxonomyJSON.towns(towns, routers: resolver.routers, listing: listing).response()
    }
}
