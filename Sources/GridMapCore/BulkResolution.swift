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
    public func resolveCompact(interleaved values: [Double], parallelism: Int = Parallel.cores) -> [CompactResolution] {
        let count = values.count / 2
        var results = [CompactResolution](repeating: CompactResolution(grid: -1, coverCount: 0), count: count)
        values.withUnsafeBufferPointer { input in
            results.withUnsafeMutableBufferPointer { output in
                let shared = SharedBuffers(input: input, output: output)
                let parts = parallelism <= 1 ? 1 : Parallel.parts(count, minimum: 4096)
                Parallel.forEach(count, parts: parts) { _, range in
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

extension CoordinateSystem {
    /// Converts interleaved lon, lat values to WGS84 on all cores (a copy when already WGS84).
    public func toWGS84(interleaved values: [Double]) -> [Double] {
        keepsCoordinates ? values : Parallel.mapPairs(values) { toWGS84(Coordinate($0, $1)) }
    }
}

