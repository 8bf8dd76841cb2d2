import Hummingbird
import Logging
import ServiceLifecycle

/// Polls the store's boundary revision and swaps in a rebuilt index when an import changed it.
/// Graceful shutdown interrupts the wait, so a long interval never delays stopping.
struct BoundaryReloader: Service {
    let boundaries: ServedBoundaries
    let interval: Duration
    let logger: Logger

    func run() async {
        await cancelWhenGracefulShutdown {
            while (try? await Task.sleep(for: interval)) != nil {
                do {
                    try boundaries.reloadIfChanged(logger: logger)
                } catch {
                    logger.error("reloading boundaries failed: \(error)")
                }
            }
        }
    }
}
