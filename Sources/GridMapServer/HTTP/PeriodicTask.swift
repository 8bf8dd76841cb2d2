import Hummingbird
import Logging
import ServiceLifecycle

/// Runs `work` every `interval` while the server runs (reloading changed boundaries, flagging
/// overdue events). Graceful shutdown interrupts the wait, so a long interval never delays stopping;
/// with `lastRunOnStop` the work runs once more then (flushing what is queued).
struct PeriodicTask: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    var lastRunOnStop = false
    let work: @Sendable () throws -> Void

    func run() async {
        await cancelWhenGracefulShutdown {
            while (try? await Task.sleep(for: interval)) != nil {
                runOnce()
            }
        }
        if lastRunOnStop { runOnce() }
    }

    private func runOnce() {
        do {
            try work()
        } catch {
            logger.error("\(name) failed: \(error)")
        }
    }
}
