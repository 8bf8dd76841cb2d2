import Dispatch
import Foundation

/// The nearest polygon to a point that none covers, by exact distance on a Gauss-Krüger plane.
///
/// Every vertex is projected once (``TransverseMercator``). Segments inside the polygons' union
/// (shared by two neighbours, see ``SharedSegments``) are left out: an uncovered point's nearest
/// polygon point lies on the union's boundary, so for a grid layer, whose grids tile a town,
/// only its outer edges and the edges of its gaps are searched. The rest are cut into runs of
/// up to ``runLength`` consecutive segments, whose boxes on that plane are packed into an R-tree
/// (Sort-Tile-Recursive, ``nodeCapacity`` entries a node). A query projects the point, descends
/// greedily to a first leaf for a bound, then walks the tree best first: nodes leave a priority
/// queue in order of a lower bound of their distance (the distance to their box), and a leaf's
/// runs are measured exactly (to the nearest of their segments) when their box can beat the
/// best so far. Polygons equally near but for rounding (within 1e-9, e.g. a shared vertex
/// reached from two segments) go to the lowest id.
///
/// Immutable once built: share it across threads. The index lives in buffers of its own (freed
/// with it), so a query touches no reference counts and allocates nothing unless its queue
/// outgrows the stack.
public final class NearestPolygonIndex: @unchecked Sendable {
    /// The plane distances are measured on.
    public let projection: TransverseMercator
    /// The searched segments, run after run.
    private let segments: UnsafeMutableBufferPointer<Segment>
    private let runs: UnsafeMutableBufferPointer<Run>
    /// The tree's nodes, leaves first, the root last. A node's children are
    /// `children[firstChild[n]..<firstChild[n + 1]]`: run ids for a leaf, node ids otherwise.
    private let nodeBoxes: UnsafeMutableBufferPointer<BoundingBox>
    private let firstChild: UnsafeMutableBufferPointer<Int32>
    private let children: UnsafeMutableBufferPointer<Int32>
    private let leafCount: Int

    /// A segment on the plane: its start, its direction vector and the inverse of its squared length
    /// (0 for a zero-length segment), so measuring it divides nothing.
    private struct Segment {
        var ax, ay, ux, uy, inverseLength2: Double
    }

    /// A run of consecutive segments of one ring: its box, first segment, polygon and segment count.
    private struct Run {
        var box: BoundingBox
        var start: Int32
        var polygon: Int32
        var length: Int32
    }

    /// Children per node (``visit(_:_:_:)`` sorts them on the stack).
    static let nodeCapacity = 4
    /// Segments per run: short enough that a run's box is tight, long enough to keep the tree small.
    static let runLength = 16
    /// Squared distances within this factor are ties.
    static let tie = 1 + 2e-9

    /// Indexes `polygons` (ids are positions in the array) on the plane of `zone`.
    public init(_ polygons: [MultiPolygon], zone: GaussKrugerZone) {
        projection = TransverseMercator(zone: zone)
        var degrees: [Double] = [], rings: [SharedSegments.Ring] = []
        for (id, multiPolygon) in polygons.enumerated() {
            for polygon in multiPolygon.polygons {
                for (r, ring) in polygon.rings.enumerated() where ring.count >= 2 {
                    let first = degrees.count / 2
                    for c in ring { degrees.append(c.x); degrees.append(c.y) }
                    rings.append(SharedSegments.Ring(vertices: first..<(degrees.count / 2), polygon: Int32(id), isHole: r > 0))
                }
            }
        }
        let inside = SharedSegments.inside(degrees, rings: rings)
        let vertices = Parallel.mapPairs(degrees) { [projection] in projection.forward($0, $1) }
        var runs: [Run] = [], segments: [Segment] = []
        for ring in rings {
            var k = ring.vertices.lowerBound
            let end = ring.vertices.upperBound - 1  // the last segment starts before it
            while k < end {
                guard !inside[k] else { k += 1; continue }
                let start = k, first = segments.count
                while k < end && !inside[k] && k - start < Self.runLength {
                    let ax = vertices[2 * k], ay = vertices[2 * k + 1], ux = vertices[2 * k + 2] - ax, uy = vertices[2 * k + 3] - ay
                    let length2 = ux * ux + uy * uy
                    segments.append(Segment(ax: ax, ay: ay, ux: ux, uy: uy, inverseLength2: length2 > 0 ? 1 / length2 : 0))
                    k += 1
                }
                let box = BoundingBox((start...k).map { Coordinate(vertices[2 * $0], vertices[2 * $0 + 1]) })!
                runs.append(Run(box: box, start: Int32(first), polygon: ring.polygon, length: Int32(k - start)))
            }
        }
        var tree = Tree()
        tree.pack((0..<runs.count).map { Int32($0) }, boxes: runs.map(\.box))
        self.segments = .frozen(segments)
        self.runs = .frozen(runs)
        nodeBoxes = .frozen(tree.boxes)
        firstChild = .frozen(tree.firstChild)
        children = .frozen(tree.children)
        leafCount = tree.leafCount
    }

    deinit {
        segments.deallocate(); runs.deallocate()
        nodeBoxes.deallocate(); firstChild.deallocate(); children.deallocate()
    }

    /// The nearest polygon to a longitude/latitude that no polygon covers, and its distance in
    /// metres on the plane (for a covered point: the distance to the union's boundary).
    public func nearest(_ longitude: Double, _ latitude: Double) -> (polygon: Int, meters: Double)? {
        guard !nodeBoxes.isEmpty else { return nil }
        let p = projection.forward(longitude, latitude)
        var best = Best()
        visit(nodeBoxes.count - 1, p, &best)
        return best.polygon.map { ($0, best.squared.squareRoot()) }
    }

    /// Depth first, nearer children first, skipping any whose box is beyond the best so far: the
    /// first leaf reached gives a close bound, which prunes most of the rest.
    private func visit(_ node: Int, _ p: Coordinate, _ best: inout Best) {
        let members = Int(firstChild[node])..<Int(firstChild[node + 1])
        guard node >= leafCount else { return measureLeaf(node, p, &best) }
        withUnsafeTemporaryAllocation(of: Entry.self, capacity: Self.nodeCapacity) { sorted in
            var count = 0
            for k in members {  // insertion sort by box distance
                let child = children[k], d = Self.squaredDistance(p, nodeBoxes[Int(child)])
                var i = count
                while i > 0 && sorted[i - 1].squared > d { sorted[i] = sorted[i - 1]; i -= 1 }
                (sorted.baseAddress! + i).initialize(to: Entry(squared: d, node: child))
                count += 1
            }
            for i in 0..<count where sorted[i].squared <= best.bound { visit(Int(sorted[i].node), p, &best) }
        }
    }

    /// A child and the squared distance to its box.
    private struct Entry {
        var squared: Double
        var node: Int32
    }

    /// The nearest polygon so far, and the bound beyond which nothing can beat or tie it.
    private struct Best {
        var polygon: Int?
        var squared = Double.infinity
        var bound = Double.infinity

        /// Takes a polygon at squared distance `d`: a nearer one wins, an equally near one with a lower id.
        mutating func offer(_ candidate: Int, _ d: Double) {
            if let current = polygon, d * NearestPolygonIndex.tie >= squared {
                if candidate < current { polygon = candidate; squared = Swift.min(d, squared) }
            } else {
                polygon = candidate
                squared = d
            }
            bound = squared * NearestPolygonIndex.tie
        }
    }

    /// Measures a leaf's runs (a few segments each: cheaper at once than queued).
    private func measureLeaf(_ leaf: Int, _ p: Coordinate, _ best: inout Best) {
        for k in Int(firstChild[leaf])..<Int(firstChild[leaf + 1]) {
            let run = runs[Int(children[k])]
            guard Self.squaredDistance(p, run.box) <= best.bound else { continue }
            let d = squaredDistance(p, to: run)
            if d <= best.bound { best.offer(Int(run.polygon), d) }
        }
    }

    /// Squared distance from a projected point to the nearest segment of a run.
    private func squaredDistance(_ p: Coordinate, to run: Run) -> Double {
        var best = Double.infinity
        let start = Int(run.start)
        for k in start..<(start &+ Int(run.length)) {
            let s = segments[k]
            let wx = p.x - s.ax, wy = p.y - s.ay
            let t = Swift.min(Swift.max((wx * s.ux + wy * s.uy) * s.inverseLength2, 0), 1)
            let dx = wx - t * s.ux, dy = wy - t * s.uy
            best = Swift.min(best, dx * dx + dy * dy)
        }
        return best
    }

    @inline(__always)
    private static func squaredDistance(_ p: Coordinate, _ box: BoundingBox) -> Double {
        let dx = Swift.max(box.minX - p.x, 0, p.x - box.maxX), dy = Swift.max(box.minY - p.y, 0, p.y - box.maxY)
        return dx * dx + dy * dy
    }
}

extension NearestPolygonIndex {
    /// Hilbert packing: items sorted once along a Hilbert curve through their box centres, then
    /// every ``nodeCapacity`` consecutive items (nodes, one level up) make a node. Runs along a
    /// town's outline stay together, so nodes are compact even when only outlines are indexed.
    struct Tree {
        var boxes: [BoundingBox] = []
        var firstChild: [Int32] = [0]
        var children: [Int32] = []
        var leafCount = 0

        mutating func pack(_ items: [Int32], boxes itemBoxes: [BoundingBox]) {
            guard let extent = itemBoxes.dropFirst().reduce(itemBoxes.first, { $0?.union($1) }) else { return }
            let keys = itemBoxes.map { Self.hilbert($0.centre, in: extent) }
            var level = items.sorted { (keys[Int($0)], $0) < (keys[Int($1)], $1) }
            var isLeafLevel = true
            while true {
                let first = boxes.count
                for start in stride(from: 0, to: level.count, by: NearestPolygonIndex.nodeCapacity) {
                    let members = level[start..<Swift.min(start + NearestPolygonIndex.nodeCapacity, level.count)]
                    let memberBoxes = members.map { isLeafLevel ? itemBoxes[Int($0)] : boxes[Int($0)] }
                    boxes.append(memberBoxes.dropFirst().reduce(memberBoxes[0]) { $0.union($1) })
                    children += members
                    firstChild.append(Int32(children.count))
                }
                if isLeafLevel { leafCount = boxes.count; isLeafLevel = false }
                if boxes.count - first == 1 { return }
                level = (first..<boxes.count).map { Int32($0) }
            }
        }

        /// Position along a Hilbert curve of order 16 over `extent`.
        static func hilbert(_ c: Coordinate, in extent: BoundingBox) -> UInt32 {
            let side = 65_535.0, n: UInt32 = 1 << 16
            var x = UInt32(Swift.max(0, Swift.min(side, (c.x - extent.minX) / Swift.max(extent.width, .leastNormalMagnitude) * side)))
            var y = UInt32(Swift.max(0, Swift.min(side, (c.y - extent.minY) / Swift.max(extent.height, .leastNormalMagnitude) * side)))
            var d: UInt32 = 0
            var s: UInt32 = 1 << 15
            while s > 0 {
                let rx: UInt32 = x & s > 0 ? 1 : 0, ry: UInt32 = y & s > 0 ? 1 : 0
                d += s * s * ((3 * rx) ^ ry)
                if ry == 0 {  // rotate the quadrant
                    if rx == 1 { x = n &- 1 &- x; y = n &- 1 &- y }
                    swap(&x, &y)
                }
                s >>= 1
            }
            return d
        }
    }
}


private extension UnsafeMutableBufferPointer {
    /// A buffer of its own holding `array`'s elements (the owner deallocates it).
    static func frozen(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }
}
private struct SharedInput: @unchecked Sendable { let buffer: UnsafeBufferPointer<Double> }

private extension BoundingBox {
    var centre: Coordinate { Coordinate((minX + maxX) / 2, (minY + maxY) / 2) }
}
