import Dispatch
import Foundation

/// `0..<count` cut into contiguous, nearly equal parts, run at once on Dispatch's threads: the one
/// way bulk work (points, vertices, events) is spread over the cores.
public enum ParallelRanges {
    /// How many parts suit `count` items: `perCore` for each active core, but none smaller than
    /// `minimum` items, and at least one.
    public static func parts(_ count: Int, minimum: Int, perCore: Int = 4) -> Int {
        Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount * perCore, count / Swift.max(minimum, 1)))
    }

    /// Calls `body(k, range)` for every part k of `parts`: part k is
    /// `k * count / parts ..< (k + 1) * count / parts`. Returns when all are done.
    public static func forEach(_ count: Int, parts: Int, _ body: @Sendable (_ part: Int, _ range: Range<Int>) -> Void) {
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            body(k, (k * count / parts)..<((k + 1) * count / parts))
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

/// Buffers handed to the threads of ``ParallelRanges/mapPairs(_:_:)``, each writing its own pairs.
private struct PairBuffers: @unchecked Sendable { let output: UnsafeMutableBufferPointer<Double> }
private struct PairInput: @unchecked Sendable { let values: UnsafeBufferPointer<Double> }
