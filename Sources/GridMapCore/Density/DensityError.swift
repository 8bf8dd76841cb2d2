import GridMapGeometry

/// Why a density or isoband request cannot be computed, worded for an API error's detail.
public enum DensityError: CodedError, Equatable, Sendable {
    case invalidCellSize(Double)
    case bandwidthOutOfRange(bandwidth: Double, cellSize: Double)
    case oddCoordinateCount(Int)
    case nonFiniteCoordinate(index: Int)
    case weightCountMismatch(points: Int, weights: Int)
    case invalidWeight(index: Int, value: Double)
    case invalidExtent(BoundingBox)
    case rasterTooLarge(cells: Double, limit: Int)
    case invalidLevelCount(Int)
    case invalidThreshold(Double)
    /// More bins than one answer may hold.
    case tooManyBins(Int, limit: Int)

    public var errorCode: String {
        if case .tooManyBins = self { return "too_many_bins" }
        return "invalid_parameter"
    }
    public var failureKind: FailureKind { .invalidInput }

    public var description: String {
        switch self {
        case .invalidCellSize(let s): "cell size must be a finite number of metres above 0, not \(s)"
        case .bandwidthOutOfRange(let h, let s):
            "bandwidth must be 1 to \(Int(KernelDensity.maximumBandwidthInCells)) cell sizes (\(s) m), not \(h) m"
        case .oddCoordinateCount(let n): "interleaved x, y values must come in pairs, not \(n) values"
        case .nonFiniteCoordinate(let i): "point \(i) has a coordinate that is not a finite number"
        case .weightCountMismatch(let points, let weights): "\(weights) weights for \(points) points"
        case .invalidWeight(let i, let w): "weight \(i) must be a finite number ≥ 0, not \(w)"
        case .invalidExtent(let b):
            "extent must be finite with min ≤ max, not x \(b.minX)…\(b.maxX), y \(b.minY)…\(b.maxY)"
        case .rasterTooLarge(let cells, let limit):
            "the raster would have \(cells) cells, over the limit of \(limit); use larger cells or a smaller extent"
        case .invalidLevelCount(let n): "levels must be at least 1, not \(n)"
        case .invalidThreshold(let t): "thresholds must be finite densities above 0, not \(t)"
        case .tooManyBins(let count, let limit): "\(count) bins exceed \(limit): use a larger 'size' or a smaller area"
        }
    }
}
