import GridMapCore
import GridMapStore
import Hummingbird
import Logging

/// Limits on what one request may ask.
public struct ServerLimits: Sendable {
    /// Most points in one `POST /v1/resolve` (413 beyond).
    public var maxPoints: Int
    /// Largest request body in bytes (413 beyond); by default room for `maxPoints` points as GeoJSON.
    public var maxBodyBytes: Int

    public init(maxPoints: Int = 1_000_000, maxBodyBytes: Int? = nil) {
        self.maxPoints = maxPoints
        self.maxBodyBytes = maxBodyBytes ?? Swift.max(1 << 20, maxPoints * 160)
    }
}

/// Builds the GridMap HTTP application over a store.
public enum GridMapServer {
    public static func application(store: GridMapStore, host: String = "127.0.0.1", port: Int = 8080,
                                   limits: ServerLimits = ServerLimits(), access: AccessPolicy = AccessPolicy(),
                                   planner: EditPlanner = EditPlanner(), console: WebConsole = WebConsole(), reloadInterval: Duration = .seconds(2),
                                   logger: Logger = Logger(label: "gridmap")) throws -> some ApplicationProtocol {
        let boundaries = try ServedBoundaries(store: store)
        logger.info("boundaries loaded", metadata: ["grids": "\(boundaries.resolver.grids.count)",
                                                     "revision": "\(boundaries.resolver.snapshot.revision)"])
        let facts = EventFactsCache(store: store)
        var app = Application(router: router(store: store, boundaries: boundaries, facts: facts, limits: limits, access: access,
                                             planner: planner, console: console),
                              configuration: .init(address: .hostname(host, port: port), serverName: "gridmap"),
                              logger: logger)
        app.addServices(
            PeriodicTask(name: "reloading boundaries", interval: reloadInterval, logger: logger) {
                try boundaries.reloadIfChanged(logger: logger)
            },
            PeriodicTask(name: "flagging overdue events", interval: reloadInterval, logger: logger) {
                let flagged = try store.superviseOverdue(at: Timestamp.now())
                if flagged > 0 { logger.info("overdue events flagged for supervision (督办)", metadata: ["count": "\(flagged)"]) }
            },
            // Loads the events' facts table soon after start (seconds for a million events) and keeps
            // it fresh, so statistics, density and tile requests rarely wait for it.
            PeriodicTask(name: "refreshing the events' facts", interval: reloadInterval, logger: logger) {
                _ = try facts.table()
            })
        return app
    }

    static func router(store: GridMapStore, boundaries: ServedBoundaries, facts: EventFactsCache,
                       limits: ServerLimits, access: AccessPolicy, planner: EditPlanner, console: WebConsole) -> Router<GridMapRequestContext> {
        let router = Router(context: GridMapRequestContext.self)
        // Outermost, so it sees the status of every answer, errors included, for the audit log.
        router.middlewares.add(AccessMiddleware(store: store, policy: access))
        router.middlewares.add(JSONErrorMiddleware())
        router.get("/healthz") { _, _ in
            var json = JSONWriter()
            json.raw("{\"status\":\"ok\",\"grids\":"); json.number(boundaries.resolver.grids.count)
            json.raw(",\"revision\":"); json.number(boundaries.resolver.snapshot.revision); json.raw("}")
            return json.response()
        }
        let resolvers = HistoricalResolvers(store: store)
        ResolveController(boundaries: boundaries, resolvers: resolvers, limits: limits).addRoutes(to: router)
        PlatformsController(boundaries: boundaries).addRoutes(to: router)
        EventsController(store: store, resolvers: resolvers).addRoutes(to: router)
        StatsController(facts: facts).addRoutes(to: router)
        let areas = UnitAreas()
        DensityController(facts: facts, boundaries: boundaries, areas: areas).addRoutes(to: router)
        TilesController(facts: facts, boundaries: boundaries, areas: areas).addRoutes(to: router)
        PeopleController(store: store, boundaries: boundaries).addRoutes(to: router)
        PatrolsController(store: store, resolvers: resolvers, limits: limits).addRoutes(to: router)
        BoundariesController(store: store, boundaries: boundaries, resolvers: resolvers).addRoutes(to: router)
        EditsController(store: store, boundaries: boundaries, planner: planner).addRoutes(to: router)
        CoverageController(store: store, resolvers: resolvers, boundaries: boundaries).addRoutes(to: router)
        ExportController(store: store).addRoutes(to: router)
        OGCController(features: OGCFeatureStore(store: store, boundaries: boundaries, resolvers: resolvers)).addRoutes(to: router)
        WebController(console: console).addRoutes(to: router)
        return router
    }
}
