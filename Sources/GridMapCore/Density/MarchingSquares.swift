import GridMapGeometry

/// Contour rings of a ``DensityRaster`` by marching squares.
///
/// The squares join the cell centres of the raster padded with a border of zeros, so every
/// contour of a positive threshold closes. Crossings are interpolated linearly along the square's
/// sides; a saddle square (diagonal corners on the same side) joins its corners at or above the
/// threshold when the mean of its four corners, the square's centre value, is at or above it.
/// Each ring keeps the region at or above the threshold on its left: outer rings run
/// counter-clockwise, holes clockwise. Crossings stay at least ``nodeMargin`` of a cell from the
/// cell centres, so rings never touch, even at a centre valued exactly at the threshold.
struct MarchingSquares {
    /// The closest a crossing comes to a cell centre, as a fraction of the cell size.
    static let nodeMargin = 1e-6

    private let width: Int, height: Int
    private let padded: [Double]
    /// Where the padded node (0, 0) lies, in metres.
    private let firstNode: Coordinate
    private let cellSize: Double

    init(_ raster: DensityRaster) {
        width = raster.columns + 2
        height = raster.rows + 2
        var padded = [Double](repeating: 0, count: width * height)
        for row in 0..<raster.rows {
            let source = row * raster.columns, target = (row + 1) * width + 1
            padded[target..<(target + raster.columns)] = raster.values[source..<(source + raster.columns)]
        }
        self.padded = padded
        cellSize = raster.cellSize
        firstNode = Coordinate(raster.origin.x - 0.5 * cellSize, raster.origin.y - 0.5 * cellSize)
    }

    /// The closed rings where the density crosses `threshold` (> 0).
    func rings(at threshold: Double) -> [ContourRing] {
        var next = successors(at: threshold)
        var rings: [ContourRing] = []
        for start in next.indices where next[start] >= 0 {
            var points: Ring = []
            var edge = start
            repeat {
                points.append(crossing(on: edge, at: threshold))
                let following = Int(next[edge])
                next[edge] = -1
                edge = following
            } while edge != start
            points.append(points[0])
            // `start` is the ring's first edge in row-major order. It runs north (a ring crossing an
            // eastward edge also crosses an edge of the row below), and the ring cuts off its north
            // node from the square to its west, whose other corners lie outside the ring; so the
            // ring encloses the region at or above the threshold when that node belongs to it.
            rings.append(ContourRing(points: points, isExterior: padded[start / 2 + width] >= threshold))
        }
        return rings
    }

    /// For every crossed edge, the edge the contour reaches next. Edge `2·n` joins node n to its
    /// east neighbour, edge `2·n + 1` joins it to its north neighbour (n = row · width + column).
    private func successors(at threshold: Double) -> [Int32] {
        var next = [Int32](repeating: -1, count: 2 * width * height)
        for row in 0..<(height - 1) {
            for column in 0..<(width - 1) {
                let node = row * width + column
                // Corners counter-clockwise from the south-west; side k joins corner k to corner k + 1.
                let corners = (padded[node], padded[node + 1], padded[node + width + 1], padded[node + width])
                let inside = (corners.0 >= threshold ? 1 : 0) | (corners.1 >= threshold ? 2 : 0)
                    | (corners.2 >= threshold ? 4 : 0) | (corners.3 >= threshold ? 8 : 0)
                guard inside != 0, inside != 15 else { continue }
                let joined = (corners.0 + corners.1 + corners.2 + corners.3) / 4 >= threshold
                func side(_ k: Int) -> Int {
                    switch k {
                    case 0: 2 * node
                    case 1: 2 * (node + 1) + 1
                    case 2: 2 * (node + width)
                    default: 2 * node + 1
                    }
                }
                for (exit, entry) in Self.segments[inside | (joined ? 16 : 0)] {
                    next[side(exit)] = Int32(side(entry))
                }
            }
        }
        return next
    }

    /// Where the density reaches `threshold` along `edge`, interpolated linearly.
    private func crossing(on edge: Int, at threshold: Double) -> Coordinate {
        let node = edge / 2, column = node % width, row = node / width
        let northward = edge % 2 == 1
        let from = padded[node], to = padded[node + (northward ? width : 1)]
        let fraction = Swift.min(Swift.max((threshold - from) / (to - from), Self.nodeMargin), 1 - Self.nodeMargin)
        return northward
            ? Coordinate(firstNode.x + Double(column) * cellSize, firstNode.y + (Double(row) + fraction) * cellSize)
            : Coordinate(firstNode.x + (Double(column) + fraction) * cellSize, firstNode.y + Double(row) * cellSize)
    }

    /// For each square (bit k set when corner k is at or above the threshold, plus 16 when a saddle
    /// joins its corners), the contour segments as (side left, side entered) with the region at or
    /// above the threshold on the left. Walking the square's sides counter-clockwise, the contour
    /// leaves at a side from inside to outside and comes back at a side from outside to inside:
    /// the next such side when the inside corners are joined, the previous one otherwise.
    private static let segments: [[(exit: Int, entry: Int)]] = (0..<32).map { key in
        let inside = (0..<4).map { key & (1 << $0) != 0 }
        let exits = (0..<4).filter { inside[$0] && !inside[($0 + 1) % 4] }
        let entries = (0..<4).filter { !inside[$0] && inside[($0 + 1) % 4] }
        return exits.map { exit in
            guard entries.count == 2 else { return (exit, entries[0]) }
            return (exit, key & 16 != 0 ? (exit + 1) % 4 : (exit + 3) % 4)
        }
    }
}

/// A closed contour ring with the region at or above the threshold on its left.
struct ContourRing {
    var points: Ring
    /// True for a counter-clockwise ring around that region, false for a clockwise hole in it.
    var isExterior: Bool
}
