import Dispatch
import Foundation
import GridMapGeometry

/// A point's resolution in compact form, for bulk work: the chosen grid's position in
/// ``Resolver/grids`` (-1 when none covers it) and how many grids cover it.
public struct CompactResolution: Sendable, Equatable {
    public var grid: Int32
    public var coverCount: Int32

    public var onBoundary: Bool { coverCount > 1 }
}

extension Resolver {
    /// Resolves WGS84 points given as interleaved lon, lat values, splitting the work over
    /// `parallelism` threads (the index is immutable, so no locking is involved).
    public func resolveCompact(interleaved values: [Double], parallelism: Int = System.coreCount) -> [CompactResolution] {
        let count = values.count / 2
        var results = [CompactResolution](repeating: CompactResolution(grid: -1, coverCount: 0), count: count)
        values.withUnsafeBufferPointer { input in
            results.withUnsafeMutableBufferPointer { output in
                let shared = SharedBuffers(input: input, output: output)
                let chunks = parallelism <= 1 ? 1 : Swift.max(1, Swift.min(parallelism * 4, count / 4096))
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let range = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
                    resolveCompact(interleaved: UnsafeBufferPointer(rebasing: shared.input[(2 * range.lowerBound)..<(2 * range.upperBound)]),
                                   into: UnsafeMutableBufferPointer(rebasing: shared.output[range]))
                }
            }
        }
        return results
    }

    /// Resolves interleaved lon, lat values on the calling thread into `output` (one per point).
    public func resolveCompact(interleaved values: UnsafeBufferPointer<Double>,
                               into output: UnsafeMutableBufferPointer<CompactResolution>) {
        precondition(output.count == values.count / 2)
        gridIndex.lookupAll(interleaved: values) { i, hit in
            output[i] = CompactResolution(grid: Int32(hit.first ?? -1), coverCount: Int32(hit.count))
        }
    }
}

/// Buffers handed to worker threads that each touch a disjoint range.
private struct SharedBuffers: @unchecked Sendable {
    let input: UnsafeBufferPointer<Double>
    let output: UnsafeMutableBufferPointer<CompactResolution>
}

/// Facts about the machine.
public enum System {
    /// Active processor cores.
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

extension CoordinateSystem {
    /// Converts interleaved lon, lat values to WGS84 on all cores (a copy when already WGS84).
    public func toWGS84(interleaved values: [Double]) -> [Double] {
        if keepsCoordinates { return values }
        var output = values
        let count = values.count / 2
        values.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                let shared = SharedDoubles(input: input, output: out)
                let chunks = Swift.max(1, Swift.min(System.coreCount * 4, count / 1024))
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for i in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
                        let c = toWGS84(Coordinate(shared.input[2 * i], shared.input[2 * i + 1]))
                        shared.output[2 * i] = c.x
                        shared.output[2 * i + 1] = c.y
                    }
                }
            }
        }
        return output
    }
}

private struct SharedDoubles: @unchecked Sendable {
    let input: UnsafeBufferPointer<Double>
    let output: UnsafeMutableBufferPointer<Double>
}
