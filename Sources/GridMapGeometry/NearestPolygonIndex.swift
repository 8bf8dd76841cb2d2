import Dispatch
import Foundation

/// The nearest polygon to a point that none covers, by exact distance on a Gauss-Krüger plane.
///
/// Every vertex is projected once (``TransverseMercator``); the rings are cut into runs of
/// ``runLength`` consecutive segments, whose boxes on that plane are packed into an R-tree
/// (Sort-Tile-Recursive, ``nodeCapacity`` entries a node). A query projects the point and walks
/// the tree best first: nodes and runs leave a priority queue in order of a lower bound of their
/// distance (the distance to their box); a run's exact distance (to the nearest of its segments)
/// goes back on the queue as its polygon's, so the first exact distance to leave it is the
/// nearest polygon's. Polygons equally near but for rounding (within 1e-9, e.g. a shared
/// vertex reached from two segments) go to the lowest id. Immutable: share it across threads.
public final class NearestPolygonIndex: Sendable {
    /// The plane distances are measured on.
    public let projection: TransverseMercator
    /// Projected x, y of every vertex, ring after ring.
    private let vertices: [Double]
    /// Each run's first vertex, number of segments, polygon and box.
    private let runStarts: [Int32]
    private let runLengths: [UInt8]
    private let runPolygons: [Int32]
    private let runBoxes: [BoundingBox]
    /// The tree's nodes, leaves first, the root last. A node's children are
    /// `children[firstChild[n]..<firstChild[n + 1]]`: run ids for a leaf, node ids otherwise.
    private let nodeBoxes: [BoundingBox]
    private let firstChild: [Int32]
    private let children: [Int32]
    private let leafCount: Int

    static let nodeCapacity = 8
    /// Segments per run: short enough that a run's box is tight, long enough to keep the tree small.
    static let runLength = 8
    /// Squared distances within this factor are ties.
    static let tie = 1 + 2e-9

    /// Indexes `polygons` (ids are positions in the array) on the plane of `zone`.
    public init(_ polygons: [MultiPolygon], zone: GaussKrugerZone) {
        projection = TransverseMercator(zone: zone)
        var degrees: [Double] = [], ringStarts: [Int32] = [], polygonRings: [Int32] = [0]
        for polygon in polygons {
            for ring in polygon.rings where ring.count >= 2 {
                ringStarts.append(Int32(degrees.count / 2))
                for c in ring { degrees.append(c.x); degrees.append(c.y) }
            }
            polygonRings.append(Int32(ringStarts.count))
        }
        ringStarts.append(Int32(degrees.count / 2))
        let vertices = Self.project(degrees, with: projection)
        var runStarts: [Int32] = [], runLengths: [UInt8] = [], runPolygons: [Int32] = [], runBoxes: [BoundingBox] = []
        for polygon in polygons.indices {
            for ring in Int(polygonRings[polygon])..<Int(polygonRings[polygon + 1]) {
                let end = Int(ringStarts[ring + 1]) - 1  // the last segment starts before it
                for start in stride(from: Int(ringStarts[ring]), to: end, by: Self.runLength) {
                    let length = Swift.min(Self.runLength, end - start)
                    runStarts.append(Int32(start))
                    runLengths.append(UInt8(length))
                    runPolygons.append(Int32(polygon))
                    runBoxes.append(BoundingBox((start...(start + length)).map { Coordinate(vertices[2 * $0], vertices[2 * $0 + 1]) })!)
                }
            }
        }
        var tree = Tree()
        tree.pack((0..<runStarts.count).map { Int32($0) }, boxes: runBoxes)
        self.vertices = vertices
        self.runStarts = runStarts
        self.runLengths = runLengths
        self.runPolygons = runPolygons
        self.runBoxes = runBoxes
        nodeBoxes = tree.boxes
        firstChild = tree.firstChild
        children = tree.children
        leafCount = tree.leafCount
    }

    /// The nearest polygon to a longitude/latitude and its distance in metres on the plane.
    public func nearest(_ longitude: Double, _ latitude: Double) -> (polygon: Int, meters: Double)? {
        guard let root = nodeBoxes.indices.last else { return nil }
        let p = projection.forward(longitude, latitude)
        var best = Best()
        // A first bound from the leaf a greedy descent reaches, so the search queues few nodes.
        var dived = root
        while dived >= leafCount {
            dived = Int(children[Int(firstChild[dived])..<Int(firstChild[dived + 1])].min {
                Self.squaredDistance(p, nodeBoxes[Int($0)]) < Self.squaredDistance(p, nodeBoxes[Int($1)])
            }!)
        }
        measureLeaf(dived, p, &best)
        var queue = MinQueue()
        queue.push(Self.squaredDistance(p, nodeBoxes[root]), Int32(root))
        while let (key, node) = queue.pop(), key <= best.bound {
            let members = children[Int(firstChild[Int(node)])..<Int(firstChild[Int(node) + 1])]
            if Int(node) >= leafCount {
                for child in members {
                    let d = Self.squaredDistance(p, nodeBoxes[Int(child)])
                    if d <= best.bound { queue.push(d, child) }
                }
            } else if Int(node) != dived {
                measureLeaf(Int(node), p, &best)
            }
        }
        return best.polygon.map { ($0, best.squared.squareRoot()) }
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
        for run in children[Int(firstChild[leaf])..<Int(firstChild[leaf + 1])] where Self.squaredDistance(p, runBoxes[Int(run)]) <= best.bound {
            let d = squaredDistance(p, toRun: Int(run))
            if d <= best.bound { best.offer(Int(runPolygons[Int(run)]), d) }
        }
    }

    /// Squared distance from a projected point to the nearest segment of a run.
    private func squaredDistance(_ p: Coordinate, toRun run: Int) -> Double {
        var best = Double.infinity
        vertices.withUnsafeBufferPointer { v in
            let start = Int(runStarts[run])
            for k in start..<(start + Int(runLengths[run])) {
                let ax = v[2 &* k], ay = v[2 &* k &+ 1], bx = v[2 &* k &+ 2], by = v[2 &* k &+ 3]
                let ux = bx - ax, uy = by - ay, wx = p.x - ax, wy = p.y - ay
                let length2 = ux * ux + uy * uy
                let t = length2 > 0 ? Swift.min(Swift.max((wx * ux + wy * uy) / length2, 0), 1) : 0
                let dx = wx - t * ux, dy = wy - t * uy
                best = Swift.min(best, dx * dx + dy * dy)
            }
        }
        return best
    }

    @inline(__always)
    private static func squaredDistance(_ p: Coordinate, _ box: BoundingBox) -> Double {
        let dx = Swift.max(box.minX - p.x, 0, p.x - box.maxX), dy = Swift.max(box.minY - p.y, 0, p.y - box.maxY)
        return dx * dx + dy * dy
    }

    /// Interleaved lon/lat degrees projected on all cores.
    private static func project(_ degrees: [Double], with projection: TransverseMercator) -> [Double] {
        let count = degrees.count / 2
        return [Double](unsafeUninitializedCapacity: degrees.count) { output, initialized in
            let shared = SharedOutput(buffer: output)
            let chunks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount * 4, count / 4096))
            degrees.withUnsafeBufferPointer { input in
                let input = SharedInput(buffer: input)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for i in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
                        let c = projection.forward(input.buffer[2 * i], input.buffer[2 * i + 1])
                        shared.buffer[2 * i] = c.x
                        shared.buffer[2 * i + 1] = c.y
                    }
                }
            }
            initialized = degrees.count
        }
    }
}

extension NearestPolygonIndex {
    /// A binary min-heap of (squared distance, node).
    struct MinQueue {
        private var items: [(key: Double, node: Int32)] = []

        init() { items.reserveCapacity(64) }

        mutating func push(_ key: Double, _ node: Int32) {
            items.append((key, node))
            var i = items.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard items[parent].key > key else { break }
                items[i] = items[parent]
                i = parent
            }
            items[i] = (key, node)
        }

        mutating func pop() -> (Double, Int32)? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                var i = 0
                while true {
                    let left = 2 * i + 1, right = left + 1
                    var smallest = left
                    if left >= items.count { break }
                    if right < items.count && items[right].key < items[left].key { smallest = right }
                    if items[smallest].key >= last.key { break }
                    items[i] = items[smallest]
                    i = smallest
                }
                items[i] = last
            }
            return (top.key, top.node)
        }
    }

    /// Sort-Tile-Recursive packing, level by level from the leaves up.
    struct Tree {
        var boxes: [BoundingBox] = []
        var firstChild: [Int32] = [0]
        var children: [Int32] = []
        var leafCount = 0

        mutating func pack(_ items: [Int32], boxes itemBoxes: [BoundingBox]) {
            guard !items.isEmpty else { return }
            var level = group(items) { itemBoxes[Int($0)] }
            var isLeafLevel = true
            while true {
                let first = boxes.count
                for members in level {
                    let memberBoxes = members.map { isLeafLevel ? itemBoxes[Int($0)] : boxes[Int($0)] }
                    boxes.append(memberBoxes.dropFirst().reduce(memberBoxes[0]) { $0.union($1) })
                    children += members
                    firstChild.append(Int32(children.count))
                }
                if isLeafLevel { leafCount = level.count; isLeafLevel = false }
                if level.count == 1 { return }
                let nodeBoxes = boxes
                level = group((first..<boxes.count).map { Int32($0) }) { nodeBoxes[Int($0)] }
            }
        }

        /// Groups of at most ``nodeCapacity`` items: vertical slices by box centre x, each sorted by y.
        private func group(_ items: [Int32], box: (Int32) -> BoundingBox) -> [[Int32]] {
            let capacity = NearestPolygonIndex.nodeCapacity
            let nodes = (items.count + capacity - 1) / capacity
            let slices = Swift.max(1, Int(Double(nodes).squareRoot().rounded(.up)))
            let perSlice = slices * capacity
            let byX = items.sorted { box($0).centre.x < box($1).centre.x }
            var groups: [[Int32]] = []
            for sliceStart in stride(from: 0, to: byX.count, by: perSlice) {
                let slice = byX[sliceStart..<Swift.min(sliceStart + perSlice, byX.count)].sorted { box($0).centre.y < box($1).centre.y }
                for start in stride(from: 0, to: slice.count, by: capacity) {
                    groups.append(Array(slice[start..<Swift.min(start + capacity, slice.count)]))
                }
            }
            return groups
        }
    }
}

private struct SharedOutput: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<Double> }
private struct SharedInput: @unchecked Sendable { let buffer: UnsafeBufferPointer<Double> }

private extension BoundingBox {
    var centre: Coordinate { Coordinate((minX + maxX) / 2, (minY + maxY) / 2) }
}
