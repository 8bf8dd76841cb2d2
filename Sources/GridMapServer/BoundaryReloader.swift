import Hummingbird
import Logging
import ServiceLifecycle

/// Polls the store's boundary revision and swaps in a rebuilt index when an import changed it.
struct BoundaryReloader: Service {
    let boundaries: ServedBoundaries
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            do {
                try boundaries.reloadIfChanged(logger: logger)
            } catch {
                logger.error("reloading boundaries failed: \(error)")
            }
        }
    }
}
