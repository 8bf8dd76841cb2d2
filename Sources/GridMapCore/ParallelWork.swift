import Foundation
import Synchronization

/// Work spread over all cores, items taken one at a time so uneven items balance out.
public enum ParallelWork {
    /// `transform` of every element, in order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) rethrows -> [R] {
        try withoutActuallyEscaping(transform) { transform in
            let results = Mutex([R?](repeating: nil, count: items.count))
            let failure = Mutex<(any Error)?>(nil)
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: min(items.count, ProcessInfo.processInfo.activeProcessorCount)) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < items.count, failure.withLock({ $0 == nil }) else { break }
                    do {
                        let result = try transform(items[i])
                        results.withLock { $0[i] = result }
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                    }
                }
            }
            if let error = failure.withLock({ $0 }) { try { throw error }() }
            return results.withLock { $0 }.map { $0! }
        }
    }
}
