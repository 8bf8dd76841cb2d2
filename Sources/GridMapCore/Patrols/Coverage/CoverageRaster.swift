import GridMapGeometry

/// The part of a box within `radius` of some tracks, from a distance field: each cell centre of a
/// raster over the box holds `radius + cellSize − d`, d its distance to the nearest track edge
/// (0 beyond), and the region d ≤ radius is traced by marching squares with linear
/// interpolation (``DensityRaster/isobands(thresholds:)``).
///
/// The distance to one straight edge is linear across the contour, so along straight stretches
/// of track the traced boundary is exact; where the buffers of two edges meet, or round a cap,
/// it is off by a fraction of a cell. With cells of radius/15 (2 m at 30 m) the covered area
/// is within ~0.1 % of the exact union of buffers (GEOS, SpatiaLite; measured in tests and
/// `gridmap-bench patrols`) at a small fraction of its cost: GEOS unites the buffers of a day's
/// patrol, which passes the same lanes again and again, in ~70 ms; the field takes a few.
///
/// Cells are grouped in blocks of 8×8. A block lying wholly within `radius − 2·cellSize` of one
/// edge is *saturated*: its cells are set to distance 0 and later edges skip it. That changes no
/// contour: every cell within one cell of a saturated block is closer than `radius`, so the
/// contour never runs between two cells of which one is saturated. A patrol passing the same
/// lane again then costs a few block tests per edge instead of ~1,000 cell updates.
///
/// Cells number box area / (radius/15)², so a small radius over a large grid would need
/// unbounded memory (1 m over a 6.5 km² grid: 1.5 billion cells): ``check(box:radius:grid:)``
/// refuses a raster of more than ``maximumCellCount`` cells before anything is allocated.
struct CoverageRaster {
    /// The most cells one raster may have: 16 million, 128 MB of squared distances plus as much
    /// for the contour's values. Room for the default 30 m over a grid box of 57 km², and for the
    /// floor of 10 m (``CoverageOptions/radiusRange``) over 7 km², the largest sample grid.
    static let maximumCellCount = 16_000_000

    let radius: Double
    let cellSize: Double
    let origin: Coordinate
    let columns: Int, rows: Int
    /// Beyond this distance a cell's value is 0 (a cell past the contour).
    private let reach: Double
    /// The smallest squared distance from each cell centre to an edge added (capped at reach²).
    private var squaredDistances: [Double]
    private static let block = 8
    private let blockColumns: Int, blockRows: Int
    private var saturated: [Bool]

    /// The cells of a raster over `box` (metres) at `radius`.
    static func cellCount(box: BoundingBox, radius: Double) -> Double {
        let cellSize = radius / 15
        return ((box.width / cellSize).rounded(.up) + 2) * ((box.height / cellSize).rounded(.up) + 2)
    }

    /// Throws when a raster over `box` at `radius` would have more than ``maximumCellCount``
    /// cells, naming the grid, its size and the smallest radius that fits.
    static func check(box: BoundingBox, radius: Double, grid: String) throws(WorkLimitExceeded) {
        let cells = cellCount(box: box, radius: radius)
        guard cells > Double(maximumCellCount) else { return }
        let smallest = (15 * (box.width * box.height / Double(maximumCellCount)).squareRoot() * 1.01).rounded(.up)
        let size = "\((box.width / 100).rounded() / 10) × \((box.height / 100).rounded() / 10) km"
        throw WorkLimitExceeded("coverage at radius \(radius) m of grid \(grid) (\(size))", needs: cells, limit: maximumCellCount,
                                unit: "raster cells", advice: "use a radius of at least \(Int(smallest)) m")
    }

    /// A raster over `box` (metres), one cell beyond it on every side; ``check(box:radius:grid:)`` first.
    init(box: BoundingBox, radius: Double) {
        self.radius = radius
        cellSize = radius / 15
        reach = radius + cellSize
        origin = Coordinate(box.minX - cellSize, box.minY - cellSize)
        columns = Int((box.width / cellSize).rounded(.up)) + 2
        rows = Int((box.height / cellSize).rounded(.up)) + 2
        squaredDistances = [Double](repeating: reach * reach, count: columns * rows)
        blockColumns = (columns + Self.block - 1) / Self.block
        blockRows = (rows + Self.block - 1) / Self.block
        saturated = [Bool](repeating: false, count: blockColumns * blockRows)
    }

    /// Adds a track (metres; a single point adds a disc).
    mutating func add(_ line: [Coordinate]) {
        guard let first = line.first else { return }
        if line.count == 1 { add(edgeFrom: first, to: first); return }
        for (a, b) in zip(line, line.dropFirst()) { add(edgeFrom: a, to: b) }
    }

    /// Updates the blocks near the edge: saturates those it covers deeply, else lowers the
    /// squared distances of their cells.
    private mutating func add(edgeFrom a: Coordinate, to b: Coordinate) {
        let blockSide = Double(Self.block) * cellSize
        let b0 = max(0, Int(((min(a.x, b.x) - reach - origin.x) / blockSide).rounded(.down)))
        let b1 = min(blockColumns - 1, Int(((max(a.x, b.x) + reach - origin.x) / blockSide).rounded(.down)))
        let r0 = max(0, Int(((min(a.y, b.y) - reach - origin.y) / blockSide).rounded(.down)))
        let r1 = min(blockRows - 1, Int(((max(a.y, b.y) + reach - origin.y) / blockSide).rounded(.down)))
        guard b0 <= b1, r0 <= r1 else { return }
        let edge = Edge(a, b)
        let deep = (radius - 2 * cellSize) * (radius - 2 * cellSize)
        // Cell centres of a block span 7 cells; its centre is 3.5 cells from its first centre.
        let span = Double(Self.block - 1) * cellSize
        let halfDiagonal = span / 2 * 2.0.squareRoot()
        for blockRow in r0...r1 {
            for blockColumn in b0...b1 where !saturated[blockRow * blockColumns + blockColumn] {
                let x0 = origin.x + (Double(blockColumn * Self.block) + 0.5) * cellSize
                let y0 = origin.y + (Double(blockRow * Self.block) + 0.5) * cellSize
                let centre = edge.squaredDistance(x0 + span / 2, y0 + span / 2).squareRoot()
                if centre - halfDiagonal > reach { continue }
                if centre + halfDiagonal <= radius - 2 * cellSize
                    || (edge.squaredDistance(x0, y0) <= deep && edge.squaredDistance(x0 + span, y0) <= deep
                        && edge.squaredDistance(x0, y0 + span) <= deep && edge.squaredDistance(x0 + span, y0 + span) <= deep) {
                    saturate(blockColumn, blockRow)
                } else {
                    lower(blockColumn, blockRow, by: edge, x0: x0, y0: y0)
                }
            }
        }
    }

    private mutating func saturate(_ blockColumn: Int, _ blockRow: Int) {
        saturated[blockRow * blockColumns + blockColumn] = true
        for row in blockRow * Self.block..<min(rows, (blockRow + 1) * Self.block) {
            let base = row * columns
            for column in blockColumn * Self.block..<min(columns, (blockColumn + 1) * Self.block) { squaredDistances[base + column] = 0 }
        }
    }

    private mutating func lower(_ blockColumn: Int, _ blockRow: Int, by edge: Edge, x0: Double, y0: Double) {
        let firstColumn = blockColumn * Self.block, lastColumn = min(columns, firstColumn + Self.block)
        let firstRow = blockRow * Self.block, lastRow = min(rows, firstRow + Self.block)
        let cellSize = cellSize, columns = columns
        squaredDistances.withUnsafeMutableBufferPointer { field in
            for row in firstRow..<lastRow {
                let y = y0 + Double(row - firstRow) * cellSize
                let base = row * columns
                for column in firstColumn..<lastColumn {
                    let distance = edge.squaredDistance(x0 + Double(column - firstColumn) * cellSize, y)
                    field[base + column] = min(field[base + column], distance)
                }
            }
        }
    }

    /// A straight edge, for squared distances to it.
    private struct Edge {
        let a: Coordinate, dx: Double, dy: Double, inverse: Double

        init(_ a: Coordinate, _ b: Coordinate) {
            self.a = a
            dx = b.x - a.x; dy = b.y - a.y
            let lengthSquared = dx * dx + dy * dy
            inverse = lengthSquared > 0 ? 1 / lengthSquared : 0
        }

        @inline(__always)
        func squaredDistance(_ x: Double, _ y: Double) -> Double {
            let px = x - a.x, py = y - a.y
            let t = min(1, max(0, (px * dx + py * dy) * inverse))
            let ex = px - t * dx, ey = py - t * dy
            return ex * ex + ey * ey
        }
    }

    /// The region within `radius` of the tracks added, as valid polygons in metres.
    func covered() -> MultiPolygon {
        let values = squaredDistances.map { reach - min(reach, $0.squareRoot()) }
        let raster = DensityRaster(origin: origin, cellSize: cellSize, columns: columns, rows: rows, values: values)
        return (try? raster.isobands(thresholds: [cellSize]))?.first?.geometry ?? MultiPolygon([])
    }
}
