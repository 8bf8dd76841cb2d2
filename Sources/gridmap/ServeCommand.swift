import ArgumentParser
import Foundation
import GridMapCore
import GridMapServer
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Most points per POST /v1/resolve.") var maxPoints = 1_000_000
    @Option(help: "Largest request body in bytes (default: 160 bytes per allowed point).") var maxBodyBytes: Int?
    @Option(help: "Heavy computations at once (coverage, density, exports, edits); beyond it 503 with Retry-After.") var maxHeavy = 2
    @Option(help: "Seconds a connection may send nothing of a request (idle, or stalled in headers or body) before it is closed.")
    var idleTimeout = 30.0
    @Option(help: "Most open connections; more are closed on arrival.") var maxConnections = 1024
    @Flag(help: "Open the database read-only (also automatic when its file is not writable): reads served, changes 503.") var readOnly = false
    @Option(help: "Seconds between checks for changed boundaries.") var reloadSeconds = 2.0
    @Flag(help: "Serve reads (GET, POST /v1/resolve) without signing in; changes still need it. Personal data stays masked.") var publicReads = false
    @Option(help: "Minutes a console session may go unused before it ends.") var sessionIdleMinutes = 30
    @Option(help: "Hours a console session lasts after sign-in, however much it is used.") var sessionLifetimeHours = 12
    @Flag(help: "Session cookies carry Secure (served over HTTPS behind a proxy that sends no X-Forwarded-Proto).") var secureCookies = false
    @Option(help: "Smallest grid a planner's edit may leave, m².") var minGridArea = EditPlanner().minimumGridArea
    @Option(help: "Seconds a hook's receiver may take to answer a delivery before the try counts as failed.") var hookTimeout = 10.0
    @Option(help: "Tries of a hook's delivery before it becomes a dead letter.") var hookAttempts = RetryPolicy().attempts
    @Option(help: "Seconds before a failed delivery's first retry; each later one waits twice as long, at most 120 s.")
    var hookRetrySeconds = 2.0
    @Option(help: "Most clients of the live stream (GET /v1/stream) at once; more are answered 503 too_many_streams.")
    var maxStreamClients = LiveSettings().maxClients
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel: Logger.Level = .info
    @Option(help: "The web console's online base map settings (an XYZ url or null); without the file the map is GridMap's own layers.")
    var basemap = "tiles/basemap.json"

    func validate() throws {
        guard sessionIdleMinutes >= 1, sessionLifetimeHours >= 1 else {
            throw ValidationError("--session-idle-minutes and --session-lifetime-hours are at least 1")
        }
        guard hookTimeout > 0, hookAttempts >= 1, hookRetrySeconds >= 0, maxStreamClients >= 1 else {
            throw ValidationError("--hook-timeout is above 0, --hook-attempts and --max-stream-clients at least 1, --hook-retry-seconds not negative")
        }
    }

    func run() async throws {
        var logger = Logger(label: "gridmap")
        logger.logLevel = logLevel
        guard maxHeavy >= 1, maxConnections >= 1, idleTimeout > 0 else {
            printError("--max-heavy and --max-connections must be at least 1, --idle-timeout above 0")
            throw ExitCode(2)
        }
        let store = try database.open(readOnly: readOnly)
        if store.isReadOnly { printError("\(database.path) is open read-only: reads are served, changes are answered 503 read_only_database") }
        let console = WebConsole(basemapJSON: FileManager.default.fileExists(atPath: basemap) ? try WebConsole.basemap(file: basemap) : WebConsole.offline)
        let access = AccessPolicy(publicReads: publicReads, sessionIdle: .seconds(sessionIdleMinutes * 60),
                                  sessionLifetime: .seconds(sessionLifetimeHours * 3600), secureCookies: secureCookies)
        let app = try GridMapServer.application(
            store: store, host: host, port: port,
            limits: ServerLimits(maxPoints: maxPoints, maxBodyBytes: maxBodyBytes, heavyWork: HeavyWorkGate(permits: maxHeavy),
                                 idleTimeout: .milliseconds(Int(idleTimeout * 1000)), maxConnections: maxConnections), access: access,
            planner: EditPlanner(minimumGridArea: minGridArea), console: console,
            reloadInterval: .milliseconds(Int(reloadSeconds * 1000)),
            hooks: HookSettings(retry: RetryPolicy(attempts: hookAttempts, firstDelay: .milliseconds(Int(hookRetrySeconds * 1000))),
                                timeout: .milliseconds(Int(hookTimeout * 1000))),
            live: LiveSettings(maxClients: maxStreamClients),
            logger: logger)
        try await app.runService()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
