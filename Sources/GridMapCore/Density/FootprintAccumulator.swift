import GridMapGeometry

/// Adds every point's normalised quartic footprint to a raster's values.
///
/// The points are first sorted by the first row of their footprint (a counting sort). The work
/// then runs in horizontal strips of rows, in parallel: each strip owns its rows and visits, in
/// that order, the points whose footprint reaches them. Every cell therefore sums its
/// contributions in the same order whatever the number of strips, and the result does not
/// depend on the number of cores.
struct FootprintAccumulator: Sendable {
    /// The bandwidth in cells.
    let radius: Double
    let origin: Coordinate
    let cellSize: Double
    let columns: Int
    let rows: Int

    /// Adds each point's weight (1 without weights), spread over the cells within the bandwidth
    /// in proportion to the kernel at their centres, as weight per km².
    func accumulate(interleaved xy: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>?,
                    into values: UnsafeMutableBufferPointer<Double>, parallelism: Int) {
        let (points, bucketStarts) = pointsByFirstRow(xy, weights)
        guard !points.isEmpty else { return }
        let strips = stripBounds(bucketStarts, count: parallelism <= 1 ? 1 : Swift.min(rows, 2 * parallelism))
        let rowSpan = Int(2 * radius) + 1  // a footprint's last row minus its first, at most (rounding included)
        let shared = SharedValues(values: values)
        Parallel.forEach(parts: strips.count - 1) { strip in
            let footprint = QuarticFootprint(radius: radius)
            let stripRows = strips[strip]...(strips[strip + 1] - 1)
            let firstBucket = Swift.max(0, stripRows.lowerBound - rowSpan)
            for point in points[bucketStarts[firstBucket]..<bucketStarts[stripRows.upperBound + 1]] {
                footprint.spread(point.amount, u: point.u, v: point.v, rows: stripRows,
                                 into: shared.values.baseAddress!, columns: columns)
            }
        }
    }

    /// A point in cell units (cell (c, q) has its centre at (c, q)) with its weight per km² over one cell.
    private struct PlacedPoint {
        var u, v, amount: Double
    }

    /// The points whose footprint reaches the raster (and whose weight is not 0), sorted by the
    /// first row of their footprint (clamped to row 0); `bucketStarts[q]` is where row q's start.
    private func pointsByFirstRow(_ xy: UnsafeBufferPointer<Double>, _ weights: UnsafeBufferPointer<Double>?)
        -> (points: [PlacedPoint], bucketStarts: [Int]) {
        let count = xy.count / 2
        let perKm2 = 1_000_000 / (cellSize * cellSize)
        var buckets = [Int32](repeating: -1, count: count)
        var bucketStarts = [Int](repeating: 0, count: rows + 1)
        func position(_ i: Int) -> (u: Double, v: Double) {
            ((xy[2 * i] - origin.x) / cellSize - 0.5, (xy[2 * i + 1] - origin.y) / cellSize - 0.5)
        }
        for i in 0..<count where weights.map({ $0[i] > 0 }) ?? true {
            let (u, v) = position(i)
            let firstRow = (v - radius).rounded(.up), lastRow = (v + radius).rounded(.down)
            let firstColumn = (u - radius).rounded(.up), lastColumn = (u + radius).rounded(.down)
            guard lastRow >= 0, firstRow < Double(rows), lastColumn >= 0, firstColumn < Double(columns) else { continue }
            let bucket = Swift.max(0, Int(firstRow))
            buckets[i] = Int32(bucket)
            bucketStarts[bucket + 1] += 1
        }
        for q in 0..<rows { bucketStarts[q + 1] += bucketStarts[q] }
        var next = bucketStarts
        var points = [PlacedPoint](repeating: PlacedPoint(u: 0, v: 0, amount: 0), count: bucketStarts[rows])
        for i in 0..<count where buckets[i] >= 0 {
            let bucket = Int(buckets[i])
            let (u, v) = position(i)
            points[next[bucket]] = PlacedPoint(u: u, v: v, amount: (weights?[i] ?? 1) * perKm2)
            next[bucket] += 1
        }
        return (points, bucketStarts)
    }

    /// Row boundaries of up to `count` strips holding about equal numbers of points: strip k is
    /// rows `bounds[k]..<bounds[k + 1]`.
    private func stripBounds(_ bucketStarts: [Int], count: Int) -> [Int] {
        let total = bucketStarts[rows]
        var bounds = [0]
        for row in 1..<rows where bounds.count < count && bucketStarts[row] * count >= total * bounds.count {
            bounds.append(row)
        }
        bounds.append(rows)
        return bounds
    }
}

/// The raster's values, which the strips write in disjoint rows.
private struct SharedValues: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Double>
}
