import GridMapGeometry

/// The region where a density is at or above a threshold.
public struct Isoband: Sendable, Equatable {
    /// Events (or weight) per km².
    public var threshold: Double
    /// Valid polygons (OGC rules) in the raster's metres; exteriors counter-clockwise, holes
    /// clockwise. Empty when no cell reaches the threshold.
    public var geometry: MultiPolygon

    public init(threshold: Double, geometry: MultiPolygon) {
        self.threshold = threshold
        self.geometry = geometry
    }
}

extension DensityRaster {
    /// `levels` thresholds in equal steps strictly between 0 and the ``maximum``:
    /// maximum · i / (levels + 1) for i = 1…levels, so that every band, the highest included,
    /// has area. None when the raster is all zero (no events).
    public func equalStepThresholds(levels: Int) throws(DensityError) -> [Double] {
        guard levels >= 1 else { throw .invalidLevelCount(levels) }
        let maximum = maximum
        guard maximum > 0 else { return [] }
        return (1...levels).map { maximum * Double($0) / Double(levels + 1) }
    }

    /// The isobands of ``equalStepThresholds(levels:)``, lowest threshold first.
    public func isobands(levels: Int) throws(DensityError) -> [Isoband] {
        try isobands(thresholds: equalStepThresholds(levels: levels))
    }

    /// For each threshold, lowest first, the region where the density is at or above it, by
    /// marching squares (see ``MarchingSquares``) over the raster padded with zeros. Linear
    /// interpolation between cell centres keeps the bands nested: each covers every higher one.
    public func isobands(thresholds: [Double]) throws(DensityError) -> [Isoband] {
        if let bad = thresholds.first(where: { !($0.isFinite && $0 > 0) }) { throw .invalidThreshold(bad) }
        let squares = MarchingSquares(self)
        return thresholds.sorted().map { threshold in
            Isoband(threshold: threshold, geometry: MultiPolygon(contourRings: squares.rings(at: threshold)))
        }
    }
}
