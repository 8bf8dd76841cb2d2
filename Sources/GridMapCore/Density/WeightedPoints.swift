import GridMapGeometry

/// A point of a heat layer: one event (weight 1) or a cluster of events (weight = their number),
/// placed at the members' mean longitude/latitude.
public struct WeightedPoint: Sendable, Equatable {
    public var point: Coordinate
    public var weight: Int
}

extension EventFactsTable {
    /// The events of `rows` as points when there are at most `limit`; otherwise clusters: square
    /// bins whose size starts from the extent's area shared by `limit` and doubles until at most
    /// `limit` bins are occupied. Returns the points and the cluster size in metres (nil: none).
    public func weightedPoints(rows: [Int32], limit: Int) -> (points: [WeightedPoint], clusterSize: Double?) {
        guard rows.count > limit else {
            return (rows.map { WeightedPoint(point: points[Int($0)], weight: 1) }, nil)
        }
        let extent = BoundingBox(rows.lazy.map { self.planar[Int($0)] })!
        var size = max(1, (extent.width * extent.height / Double(max(1, limit))).squareRoot().rounded(.up))
        while true {
            let clusters = cluster(rows, grid: BinGrid(shape: .square, size: size))
            if clusters.count <= limit { return (clusters, size) }
            size *= 2
        }
    }

    private func cluster(_ rows: [Int32], grid: BinGrid) -> [WeightedPoint] {
        var sums: [BinCell: (x: Double, y: Double, n: Int)] = [:]
        for row in rows {
            let i = Int(row), cell = grid.cell(of: planar[i], zone: zones[i])
            var sum = sums[cell, default: (0, 0, 0)]
            sum.x += points[i].x
            sum.y += points[i].y
            sum.n += 1
            sums[cell] = sum
        }
        return sums.sorted { ($0.key.zone, $0.key.r, $0.key.q) < ($1.key.zone, $1.key.r, $1.key.q) }.map { _, sum in
            WeightedPoint(point: Coordinate(sum.x / Double(sum.n), sum.y / Double(sum.n)), weight: sum.n)
        }
    }
}
