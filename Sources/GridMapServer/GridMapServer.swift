import GridMapCore
import Hummingbird
import NIOCore
import Logging

/// Limits on what one request may ask.
public struct ServerLimits: Sendable {
    /// Most points in one `POST /v1/resolve` (413 beyond).
    public var maxPoints: Int
    /// Largest request body in bytes (413 beyond); by default room for `maxPoints` points as GeoJSON.
    public var maxBodyBytes: Int

    /// Heavy computations at once (coverage, density, exports, edits; 503 `busy` beyond).
    public var heavyWork: HeavyWorkGate
    /// A connection sending nothing of a request (idle between requests, or stalled in its
    /// headers or body) for this long is closed.
    public var idleTimeout: Duration
    /// Most open connections; further ones are closed on arrival (``ConnectionCap``).
    public var maxConnections: Int

    public init(maxPoints: Int = 1_000_000, maxBodyBytes: Int? = nil, heavyWork: HeavyWorkGate = HeavyWorkGate(),
                idleTimeout: Duration = .seconds(30), maxConnections: Int = 1024) {
        self.maxPoints = maxPoints
        self.maxBodyBytes = maxBodyBytes ?? Swift.max(1 << 20, maxPoints * 160)
        self.heavyWork = heavyWork
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}

/// Builds the GridMap HTTP application over a store.
public enum GridMapServer {
    public static func application(store: any GridMapRepository, host: String = "127.0.0.1", port: Int = 8080,
                                   limits: ServerLimits = ServerLimits(), access: AccessPolicy = AccessPolicy(),
                                   planner: EditPlanner = EditPlanner(), console: WebConsole = WebConsole(), reloadInterval: Duration = .seconds(2),
                                   logger: Logger = Logger(label: "gridmap")) throws -> some ApplicationProtocol {
        let boundaries = try ServedBoundaries(store: store)
        logger.info("boundaries loaded", metadata: ["grids": "\(boundaries.resolver.grids.count)",
                                                     "revision": "\(boundaries.resolver.snapshot.revision)"])
        if store.isReadOnly { logger.notice("the database is open read-only: reads are served, changes answered 503 read_only_database", metadata: ["path": "\(store.location)"]) }
        let facts = EventFactsCache(store: store)
        let cap = ConnectionCap(maximum: limits.maxConnections)
        var app = Application(router: router(store: store, boundaries: boundaries, facts: facts, limits: limits, access: access,
                                             planner: planner, console: console),
                              server: .http1(configuration: .init(additionalChannelHandlers: [cap.handler()],
                                                                  idleTimeout: TimeAmount(limits.idleTimeout))),
                              configuration: .init(address: .hostname(host, port: port), serverName: "gridmap"),
                              logger: logger)
        app.addServices(
            PeriodicTask(name: "reloading boundaries", interval: reloadInterval, logger: logger) {
                try boundaries.reloadIfChanged(logger: logger)
            },
            PeriodicTask(name: "flagging overdue events", interval: reloadInterval, logger: logger) {
                guard !store.isReadOnly else { return }
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

    static func router(store: any GridMapRepository, boundaries: ServedBoundaries, facts: EventFactsCache,
                       limits: ServerLimits, access: AccessPolicy, planner: EditPlanner, console: WebConsole) -> Router<GridMapRequestContext> {
        let router = Router(context: GridMapRequestContext.self)
        // Outermost, so it sees the status of every answer, errors included, for the audit log.
        router.middlewares.add(AccessMiddleware(store: store, policy: access))
        router.middlewares.add(JSONErrorMiddleware())
        router.middlewares.add(DeclaredLengthMiddleware(maxBodyBytes: limits.maxBodyBytes))
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
        DensityController(facts: facts, boundaries: boundaries, areas: areas, heavyWork: limits.heavyWork).addRoutes(to: router)
        TilesController(facts: facts, boundaries: boundaries, areas: areas).addRoutes(to: router)
        PeopleController(store: store, boundaries: boundaries).addRoutes(to: router)
        PatrolsController(store: store, resolvers: resolvers, limits: limits).addRoutes(to: router)
        BoundariesController(store: store, boundaries: boundaries, resolvers: resolvers).addRoutes(to: router)
        EditsController(store: store, boundaries: boundaries, planner: planner, heavyWork: limits.heavyWork).addRoutes(to: router)
        CoverageController(store: store, resolvers: resolvers, boundaries: boundaries, heavyWork: limits.heavyWork).addRoutes(to: router)
        ExportController(store: store, heavyWork: limits.heavyWork).addRoutes(to: router)
        OGCController(features: OGCFeatureStore(store: store, boundaries: boundaries, resolvers: resolvers)).addRoutes(to: router)
        WebController(console: console).addRoutes(to: router)
        return router
    }
}
