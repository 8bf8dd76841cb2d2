import Dispatch
import Hummingbird
import Synchronization

/// A bound on the heavy computations running at once: coverage, density rasters and isobands,
/// exports, edit previews and patrol uploads. Beyond `permits`, a request is answered at once
/// with 503 `busy` and `Retry-After` instead of queueing: a queue would only grow under load,
/// each waiting request holding its connection and body.
///
/// Admitted work runs on a Dispatch thread, off Swift's cooperative pool, so however long it
/// takes the event loops and cheap requests (`/healthz`, lookups) keep their threads.
public final class HeavyWorkGate: Sendable {
    /// How many heavy computations may run at once.
    public let permits: Int
    /// Seconds a refused client is told to wait (`Retry-After`).
    public let retryAfter: Int
    private let running = Mutex(0)

    /// A gate of `permits` (at least 1), by default 2: on the two cores GridMap is sized for,
    /// each computation already uses all cores (``Parallel``).
    public init(permits: Int = 2, retryAfter: Int = 5) {
        self.permits = Swift.max(1, permits)
        self.retryAfter = retryAfter
    }

    /// A permit, or nil when all are taken; it is given back when released (or dropped).
    public func tryAcquire() -> Permit? {
        let admitted = running.withLock { running in
            guard running < permits else { return false }
            running += 1
            return true
        }
        return admitted ? Permit(gate: self) : nil
    }

    /// A permit or the 503 to answer.
    func acquire(_ what: String) throws -> Permit {
        guard let permit = tryAcquire() else {
            throw APIError(.serviceUnavailable, "busy", "\(permits) heavy computations (\(what) among them) are running, the most at once; retry in \(retryAfter) s",
                           retryAfter: retryAfter)
        }
        return permit
    }

    /// Runs `work` under a permit on a Dispatch thread; 503 when none is free.
    func run<T: Sendable>(_ what: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let permit = try acquire(what)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
                permit.release()
            }
        }
    }

    /// One admitted computation; ``release()`` gives the permit back (once), as does deinit.
    public final class Permit: Sendable {
        private let gate: HeavyWorkGate
        private let held = Mutex(true)

        init(gate: HeavyWorkGate) { self.gate = gate }

        /// Gives the permit back; later calls do nothing.
        public func release() {
            guard held.withLock({ held in defer { held = false }; return held }) else { return }
            gate.running.withLock { $0 -= 1 }
        }

        deinit { release() }
    }
}
