import Dispatch
import Foundation
import Synchronization

/// The one way work is spread over the cores (Dispatch's threads): contiguous parts of a range
/// for bulk work (points, vertices, events, text), or items taken one at a time so uneven items
/// balance out (tiles, patrols, grids).
public enum Parallel {
    /// The active cores.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// How many parts suit `count` items: `perCore` for each active core, but none smaller than
    /// `minimum` items, and at least one.
    public static func parts(_ count: Int, minimum: Int, perCore: Int = 4) -> Int {
        Swift.max(1, Swift.min(cores * perCore, count / Swift.max(minimum, 1)))
    }

    /// Calls `body(k)` for every part k of `parts` at once; returns when all are done.
    public static func forEach(parts: Int, _ body: @Sendable (_ part: Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: parts, execute: body)
    }

    /// Calls `body(k, range)` for every part k of `parts`: part k is
    /// `k * count / parts ..< (k + 1) * count / parts`. Returns when all are done.
    public static func forEach(_ count: Int, parts: Int, _ body: @Sendable (_ part: Int, _ range: Range<Int>) -> Void) {
        forEach(parts: parts) { k in body(k, (k * count / parts)..<((k + 1) * count / parts)) }
    }

    /// `transform` of every item, in order, items taken one at a time by as many workers as there
    /// are cores; the first error thrown stops the others taking more and is rethrown.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) rethrows -> [R] {
        try map(items, worker: {}) { _, item in try transform(item) }
    }

    /// As ``map(_:_:)``, each worker with its own `worker()` value (a renderer, a scratch buffer)
    /// handed to `transform` with every item it takes.
    public static func map<T: Sendable, R: Sendable, W>(_ items: [T], worker: @Sendable () -> W,
                                                        _ transform: @Sendable (W, T) throws -> R) rethrows -> [R] {
        try withoutActuallyEscaping(transform) { transform in
            let results = Mutex([R?](repeating: nil, count: items.count))
            let failure = Mutex<(any Error)?>(nil)
            let next = Atomic<Int>(0)
            forEach(parts: Swift.min(items.count, cores)) { _ in
                let state = worker()
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < items.count, failure.withLock({ $0 == nil }) else { break }
                    do {
                        let result = try transform(state, items[i])
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

    /// Interleaved x, y values mapped pair by pair through `transform` on all cores.
    public static func mapPairs(_ values: [Double], _ transform: @Sendable (Double, Double) -> Coordinate) -> [Double] {
        let count = values.count / 2
        return [Double](unsafeUninitializedCapacity: 2 * count) { output, initialized in
            let shared = PairBuffers(output: output)
            values.withUnsafeBufferPointer { input in
                let input = PairInput(values: input)
                forEach(count, parts: parts(count, minimum: 1024)) { _, range in
                    for i in range {
                        let c = transform(input.values[2 * i], input.values[2 * i + 1])
                        shared.output[2 * i] = c.x
                        shared.output[2 * i + 1] = c.y
                    }
                }
            }
            initialized = 2 * count
        }
    }
}

/// Buffers handed to the threads of ``Parallel/mapPairs(_:_:)``, each writing its own pairs.
private struct PairBuffers: @unchecked Sendable { let output: UnsafeMutableBufferPointer<Double> }
private struct PairInput: @unchecked Sendable { let values: UnsafeBufferPointer<Double> }
