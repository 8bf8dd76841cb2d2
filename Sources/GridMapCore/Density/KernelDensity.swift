import GridMapGeometry

/// Kernel density estimation of event points in a metric plane.
public enum KernelDensity {
    /// The most cells a raster may have (128 MB of values).
    public static let maximumCellCount = 16_000_000
    /// The widest bandwidth, in cells: each point touches about π·(bandwidth / cell size)² cells.
    public static let maximumBandwidthInCells = 500.0

    /// A quartic (biweight) kernel density estimate of `points` (metres) in events per km².
    ///
    /// Each point spreads its weight (1 without `weights`) over the cells whose centres lie within
    /// `bandwidth` of it, in proportion to K(d) = 3/(πh²)·(1 − d²/h²)², normalised over those
    /// cells so that the point adds exactly its weight: the raster's ``DensityRaster/integral``
    /// equals the total weight (up to rounding) even when the bandwidth is only a few cells, where
    /// sampled K alone would be off by several per cent. Near the raster's edge the normalisation
    /// still counts the cells beyond it, so a given extent holds only the weight inside it.
    ///
    /// - Parameters:
    ///   - bandwidth: h in metres, from 1 to ``maximumBandwidthInCells`` cell sizes.
    ///   - extent: the area to cover; by default the points' bounding box grown by the bandwidth,
    ///     which holds all their weight. Cells are aligned to multiples of `cellSize`, so rasters
    ///     of different point sets line up. No points and no extent give an empty raster.
    ///   - parallelism: how many cores to use; the result is the same for any number.
    public static func quartic(points: [Coordinate], weights: [Double]? = nil, bandwidth: Double,
                               cellSize: Double, extent: BoundingBox? = nil,
                               parallelism: Int = Parallel.cores) throws(DensityError) -> DensityRaster {
        var xy: [Double] = []
        xy.reserveCapacity(2 * points.count)
        for p in points { xy.append(p.x); xy.append(p.y) }
        return try quartic(interleaved: xy, weights: weights, bandwidth: bandwidth, cellSize: cellSize,
                           extent: extent, parallelism: parallelism)
    }

    /// ``quartic(points:weights:bandwidth:cellSize:extent:parallelism:)`` for points given as
    /// interleaved x, y values in metres.
    public static func quartic(interleaved xy: [Double], weights: [Double]? = nil, bandwidth: Double,
                               cellSize: Double, extent: BoundingBox? = nil,
                               parallelism: Int = Parallel.cores) throws(DensityError) -> DensityRaster {
        try validate(xy, weights, bandwidth: bandwidth, cellSize: cellSize)
        guard let extent = try extent.map(validated) ?? bounds(xy)?.grown(by: bandwidth) else {
            return DensityRaster(origin: Coordinate(0, 0), cellSize: cellSize, columns: 0, rows: 0, values: [])
        }
        var raster = try DensityRaster(zeroCovering: extent, cellSize: cellSize)
        let accumulator = FootprintAccumulator(radius: bandwidth / cellSize,
                                               origin: raster.origin, cellSize: cellSize,
                                               columns: raster.columns, rows: raster.rows)
        xy.withUnsafeBufferPointer { xy in
            raster.values.withUnsafeMutableBufferPointer { values in
                if let weights {
                    weights.withUnsafeBufferPointer { weights in
                        accumulator.accumulate(interleaved: xy, weights: weights, into: values, parallelism: parallelism)
                    }
                } else {
                    accumulator.accumulate(interleaved: xy, weights: nil, into: values, parallelism: parallelism)
                }
            }
        }
        return raster
    }

    private static func validate(_ xy: [Double], _ weights: [Double]?, bandwidth: Double,
                                 cellSize: Double) throws(DensityError) {
        guard cellSize.isFinite, cellSize > 0 else { throw .invalidCellSize(cellSize) }
        guard bandwidth >= cellSize, bandwidth <= maximumBandwidthInCells * cellSize else {
            throw .bandwidthOutOfRange(bandwidth: bandwidth, cellSize: cellSize)
        }
        guard xy.count % 2 == 0 else { throw .oddCoordinateCount(xy.count) }
        if let i = xy.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteCoordinate(index: i / 2) }
        guard let weights else { return }
        guard weights.count == xy.count / 2 else { throw .weightCountMismatch(points: xy.count / 2, weights: weights.count) }
        if let i = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) { throw .invalidWeight(index: i, value: weights[i]) }
    }

    private static func validated(_ extent: BoundingBox) throws(DensityError) -> BoundingBox {
        let corners = [extent.minX, extent.minY, extent.maxX, extent.maxY]
        guard corners.allSatisfy(\.isFinite), extent.minX <= extent.maxX, extent.minY <= extent.maxY else {
            throw .invalidExtent(extent)
        }
        return extent
    }

    private static func bounds(_ xy: [Double]) -> BoundingBox? {
        guard xy.count >= 2 else { return nil }
        var box = BoundingBox(minX: xy[0], minY: xy[1], maxX: xy[0], maxY: xy[1])
        for i in stride(from: 2, to: xy.count, by: 2) { box = box.expanded(by: Coordinate(xy[i], xy[i + 1])) }
        return box
    }
}

extension BoundingBox {
    fileprivate func grown(by distance: Double) -> BoundingBox {
        BoundingBox(minX: minX - distance, minY: minY - distance, maxX: maxX + distance, maxY: maxY + distance)
    }
}

extension DensityRaster {
    /// A raster of zeros whose cells, aligned to multiples of `cellSize`, cover `extent`.
    fileprivate init(zeroCovering extent: BoundingBox, cellSize: Double) throws(DensityError) {
        let originX = (extent.minX / cellSize).rounded(.down) * cellSize
        let originY = (extent.minY / cellSize).rounded(.down) * cellSize
        let columns = ((extent.maxX - originX) / cellSize).rounded(.down) + 1
        let rows = ((extent.maxY - originY) / cellSize).rounded(.down) + 1
        guard columns * rows <= Double(KernelDensity.maximumCellCount) else {
            throw .rasterTooLarge(cells: columns * rows, limit: KernelDensity.maximumCellCount)
        }
        self.init(origin: Coordinate(originX, originY), cellSize: cellSize, columns: Int(columns), rows: Int(rows),
                  values: [Double](repeating: 0, count: Int(columns * rows)))
    }
}
