import GridMapCore
import Logging
import ServiceLifecycle

/// Runs a ``HookWorker`` per hook while the server runs, outside every request, each in its own
/// task so a receiver that is down or slow holds up only itself; hooks registered later are
/// picked up within ``HookSettings/discovery``. Graceful shutdown cancels the workers: a row in
/// flight is sent again after the restart.
struct HookDispatcher: Service {
    let store: any GridMapRepository
    let served: ServedStateHolder
    let clock: ServerClock
    let settings: HookSettings
    let logger: Logger

    func run() async {
        let sender = HookSender(timeout: settings.timeout)
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                // Hook ids are never reused (AUTOINCREMENT): a deleted hook's worker has ended for good.
                var started = Set<Int64>()
                while !Task.isCancelled {
                    do {
                        for hook in try store.hooks() where started.insert(hook.id).inserted {
                            let worker = HookWorker(hookID: hook.id, store: store, served: served, clock: clock, settings: settings,
                                                    sender: sender, logger: logger)
                            group.addTask { await worker.run() }
                        }
                    } catch {
                        logger.error("reading the hooks failed: \(error)")
                    }
                    try? await Task.sleep(for: settings.discovery)
                }
            }
        }
    }
}
