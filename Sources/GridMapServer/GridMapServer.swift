import GridMapCore
import GridMapJSON
import Hummingbird
import Logging
import NIOCore

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

/// What the server is configured with besides its store: limits, access, the edit planner, the console.
struct ServerOptions: Sendable {
    var limits: ServerLimits
    var access: AccessPolicy
    var planner: EditPlanner
    var console: WebConsole
    /// Where reads that showed personal data wait for their audit rows.
    var readAudit = ReadAuditQueue()
    var clock: ServerClock = .system
}

/// Builds the GridMap HTTP application over a store.
public enum GridMapServer {
    public static func application(store: any GridMapRepository, host: String = "127.0.0.1", port: Int = 8080,
                                   limits: ServerLimits = ServerLimits(), access: AccessPolicy = AccessPolicy(),
                                   planner: EditPlanner = EditPlanner(), console: WebConsole = WebConsole(), reloadInterval: Duration = .seconds(2),
                                   clock: ServerClock = .system, sweepInterval: Duration = .seconds(30), hooks: HookSettings = HookSettings(),
                                   live: LiveSettings = LiveSettings(),
                                   logger: Logger = Logger(label: "gridmap")) throws -> some ApplicationProtocol {
        let served = try ServedStateHolder(store: store, logger: logger)
        logger.info("boundaries loaded", metadata: ["grids": "\(served.resolver.grids.count)",
                                                     "revision": "\(served.resolver.snapshot.revision)"])
        if store.isReadOnly { logger.notice("the database is open read-only: reads are served, changes answered 503 read_only_database", metadata: ["path": "\(store.location)"]) }
        let cap = ConnectionCap(maximum: limits.maxConnections)
        let options = ServerOptions(limits: limits, access: access, planner: planner, console: console, clock: clock)
        let feed = try LiveFeed(store: store, maxClients: live.maxClients, poll: live.poll, heartbeat: live.heartbeat, logger: logger)
        var app = Application(router: router(store: store, served: served, feed: feed, options: options),
                              server: .http1(configuration: .init(additionalChannelHandlers: [cap.handler()],
                                                                  idleTimeout: TimeAmount(limits.idleTimeout))),
                              configuration: .init(address: .hostname(host, port: port), serverName: "gridmap"),
                              logger: logger)
        app.addServices(
            feed,
            // Follows changes made outside this server (the CLI, another process), and loads the
            // events' facts soon after start (seconds for a million events) and after each change,
            // so statistics, density and tile requests rarely wait for them.
            PeriodicTask(name: "refreshing the served state", interval: reloadInterval, logger: logger) {
                _ = try served.current().events.facts()
            },
            // 督办 by the clock: 催办 at red, 督办 after a red spell (``EventRepository/sweepSupervision(at:)``).
            PeriodicTask(name: "supervising red events", interval: sweepInterval, logger: logger) {
                guard !store.isReadOnly else { return }
                let sweep = try store.sweepSupervision(at: clock.now())
                if sweep.urged + sweep.escalated > 0 {
                    logger.info("red events supervised", metadata: ["催办": "\(sweep.urged)", "督办": "\(sweep.escalated)"])
                }
            },
            PeriodicTask(name: "writing the audit rows of personal reads", interval: .milliseconds(250), logger: logger, lastRunOnStop: true) {
                try options.readAudit.flush(to: store)
            })
        // The outbox's deliveries to the hooks, one worker per hook (a read-only store cannot move their cursors).
        if !store.isReadOnly {
            app.addServices(HookDispatcher(store: store, served: served, clock: clock, settings: hooks, logger: logger))
        }
        return app
    }

    static func router(store: any GridMapRepository, served: ServedStateHolder, feed: LiveFeed, options: ServerOptions) -> Router<GridMapRequestContext> {
        let sessions = Sessions(accounts: store, policy: options.access)
        let routes = routeTable(store: store, served: served, feed: feed, sessions: sessions, options: options)
        let router = Router(context: GridMapRequestContext.self)
        // Outermost, so it sees the status of every answer, errors included, for the audit log.
        router.middlewares.add(AccessMiddleware(store: store, policy: options.access, rules: routes.accessRules, sessions: sessions,
                                                readAudit: options.readAudit))
        router.middlewares.add(JSONErrorMiddleware())
        router.middlewares.add(DeclaredLengthMiddleware(maxBodyBytes: options.limits.maxBodyBytes))
        routes.add(to: router)
        return router
    }

    /// Every route with the permission it needs, by feature.
    static func routeTable(store: any GridMapRepository, served: ServedStateHolder, feed: LiveFeed, sessions: Sessions,
                           options: ServerOptions) -> RouteTable<GridMapRequestContext> {
        let routes = RouteTable<GridMapRequestContext>()
        let limits = options.limits
        routes.get("/healthz", needs: nil) { _, _ in
            let resolver = served.resolver
            var json = JSONWriter()
            json.health(grids: resolver.grids.count, revision: resolver.snapshot.revision)
            return json.response()
        }
        SessionController(signIn: SignIn(store: store, policy: options.access.signIn), sessions: sessions, store: store,
                          policy: options.access).addRoutes(to: routes)
        ResolveController(served: served, limits: limits).addRoutes(to: routes)
        PlatformsController(served: served).addRoutes(to: routes)
        let clock = options.clock
        EventsController(store: store, served: served, clock: clock).addRoutes(to: routes)
        TasksController(store: store, clock: clock).addRoutes(to: routes)
        ConsultationsController(store: store, clock: clock).addRoutes(to: routes)
        SupervisionController(store: store, clock: clock).addRoutes(to: routes)
        OperationsController(store: store, served: served, clock: clock).addRoutes(to: routes)
        StatsController(store: store, served: served, clock: clock).addRoutes(to: routes)
        // Patrol figures of assessments, shared by the assessments, the monthly reports and the score tiles.
        let patrolCache = PatrolFiguresCache()
        AssessmentsController(store: store, served: served, clock: clock, heavyWork: limits.heavyWork, patrolCache: patrolCache).addRoutes(to: routes)
        ReportsController(store: store, served: served, clock: clock, heavyWork: limits.heavyWork, patrolCache: patrolCache).addRoutes(to: routes)
        OutboxController(store: store, clock: clock).addRoutes(to: routes)
        HooksController(store: store, served: served, clock: clock).addRoutes(to: routes)
        StreamController(store: store, feed: feed, clock: clock).addRoutes(to: routes)
        DensityController(served: served, heavyWork: limits.heavyWork).addRoutes(to: routes)
        TilesController(store: store, served: served, clock: clock, patrolCache: patrolCache).addRoutes(to: routes)
        PeopleController(store: store, served: served).addRoutes(to: routes)
        PatrolsController(store: store, served: served, limits: limits).addRoutes(to: routes)
        BoundariesController(store: store, served: served).addRoutes(to: routes)
        EditsController(store: store, served: served, planner: options.planner, heavyWork: limits.heavyWork).addRoutes(to: routes)
        CoverageController(store: store, served: served, heavyWork: limits.heavyWork).addRoutes(to: routes)
        ExportController(store: store, heavyWork: limits.heavyWork).addRoutes(to: routes)
        OGCController(store: store, served: served).addRoutes(to: routes)
        WebController(console: options.console).addRoutes(to: routes)
        return routes
    }
}
