import Foundation

/// An exact, immutable point-in-polygon index over a layer of (multi)polygons.
///
/// The layer's extent is cut into a uniform grid of cells. A cell that no polygon edge touches and
/// that one polygon covers answers with that polygon straight away (most lookups). Any other cell
/// lists its candidate polygons and, for each, just the edges that a rightward ray from a point in
/// the cell can meet: the polygon's edges in the cell's row whose right end lies in this column or
/// further right, stored as a prefix of the row's edge list sorted by right column. Those edges
/// are run through GEOS's own ray-crossing rules (``RayCrossingCounter``), so the answer equals
/// GEOS/SpatiaLite `ST_Covers` for every double, including points on vertices and shared edges.
///
/// Cell membership is computed with one monotone function for edges and points alike, so an edge
/// is always recorded in every cell that any point on it maps to: no tolerance is involved.
///
/// Polygon ids are the positions in the array given to `init`; ``lookup(_:_:)`` reports the
/// lowest covering id first, so callers that sort polygons by code get "lowest code wins".
/// Immutable after construction, hence safe to share across threads and tasks.
public final class PolygonIndex: @unchecked Sendable {
    /// Number of polygons indexed.
    public let count: Int
    /// Bounding box of all polygons; nothing outside it is covered.
    public let extent: BoundingBox?
    /// Grid size, for diagnostics and benchmarks.
    public let columns: Int, rows: Int

    private let originX: Double, originY: Double, scaleX: Double, scaleY: Double
    let vertices: UnsafeMutableBufferPointer<Double>      // x0,y0,x1,y1,… of all rings
    private let ringStarts: UnsafeMutableBufferPointer<UInt32>    // vertex index where each ring starts (+ end)
    private let polygonRings: UnsafeMutableBufferPointer<UInt32>  // ring range per polygon (count + 1)
    let cells: UnsafeMutableBufferPointer<UInt32>
    let entryStarts: UnsafeMutableBufferPointer<UInt32>
    let entries: UnsafeMutableBufferPointer<Entry>
    let rowEdges: UnsafeMutableBufferPointer<UInt32>

    /// A cell word: 0 = no polygon; high bit set = wholly inside polygon (word & mask);
    /// otherwise 1 + index of the cell's entry list in `entryStarts`.
    static let interiorFlag: UInt32 = 1 << 31
    static let interiorEdgeCount = UInt32.max

    struct Entry {
        var polygon: UInt32
        var edgeStart: UInt32
        var edgeCount: UInt32  // `interiorEdgeCount` when the cell lies wholly inside the polygon
    }

    /// The answer for one point: the lowest covering polygon id (or nil) and how many cover it.
    public struct Lookup: Equatable, Sendable {
        public var first: Int?
        public var count: Int
    }

    /// Builds the index. The grid has about `cellsPerVertex` cells per polygon vertex, so a
    /// boundary cell holds a few edges whether the layer has many simple polygons (grids) or a
    /// few detailed ones (towns); more cells trade memory for fewer edge tests.
    public init(_ polygons: [MultiPolygon], cellsPerVertex: Double = 2) {
        let builder = PolygonIndexBuilder(polygons, cellsPerVertex: cellsPerVertex)
        count = polygons.count
        extent = builder.extent
        columns = builder.columns
        rows = builder.rows
        originX = builder.originX; originY = builder.originY
        scaleX = builder.scaleX; scaleY = builder.scaleY
        vertices = .copy(builder.vertices)
        ringStarts = .copy(builder.ringStarts)
        polygonRings = .copy(builder.polygonRings)
        cells = .copy(builder.cells)
        entryStarts = .copy(builder.entryStarts)
        entries = .copy(builder.entries)
        rowEdges = .copy(builder.rowEdges)
    }

    deinit {
        for buffer in [UnsafeMutableRawBufferPointer(vertices), .init(ringStarts), .init(polygonRings),
                       .init(cells), .init(entryStarts), .init(entries), .init(rowEdges)] {
            buffer.deallocate()
        }
    }

    /// Approximate heap memory held by the index, in bytes.
    public var memoryBytes: Int {
        vertices.count * 8 + (ringStarts.count + polygonRings.count + cells.count + entryStarts.count
            + rowEdges.count) * 4 + entries.count * MemoryLayout<Entry>.stride
    }

    /// The lowest covering polygon id and the number of covering polygons.
    public func lookup(_ x: Double, _ y: Double) -> Lookup {
        lookup(x, y, cellWord: cellWord(x, y))
    }

    /// The answer for a point whose cell word has already been read.
    @inline(__always)
    func lookup(_ x: Double, _ y: Double, cellWord word: UInt32) -> Lookup {
        var result = Lookup(first: nil, count: 0)
        visitCovering(x, y, cellWord: word) { id in
            if result.first == nil { result.first = id }
            result.count += 1
        }
        return result
    }

    /// All polygon ids that cover the point, in ascending order.
    public func covering(_ x: Double, _ y: Double) -> [Int] {
        var ids: [Int] = []
        visitCovering(x, y, cellWord: cellWord(x, y)) { ids.append($0) }
        return ids
    }

    /// The position in `cells` of the point's cell, or nil outside the extent.
    @inline(__always)
    func cellPosition(_ x: Double, _ y: Double) -> Int? {
        guard let extent, x >= extent.minX, x <= extent.maxX, y >= extent.minY, y <= extent.maxY
        else { return nil }
        return cellRow(y) &* columns &+ cellColumn(x)
    }

    /// The word of the point's cell (0 outside the extent).
    @inline(__always)
    func cellWord(_ x: Double, _ y: Double) -> UInt32 {
        cellPosition(x, y).map { cells[$0] } ?? 0
    }

    /// Calls `body` with each polygon id covering the point (whose cell word is `word`), in
    /// ascending order.
    @inline(__always)
    private func visitCovering(_ x: Double, _ y: Double, cellWord word: UInt32, _ body: (Int) -> Void) {
        if word == 0 { return }
        if word & Self.interiorFlag != 0 { body(Int(word & ~Self.interiorFlag)); return }
        let list = Int(word) - 1
        for e in Int(entryStarts[list])..<Int(entryStarts[list + 1]) {
            let entry = entries[e]
            if entry.edgeCount == Self.interiorEdgeCount { body(Int(entry.polygon)); continue }
            var counter = RayCrossingCounter(x, y)
            let start = Int(entry.edgeStart)
            for k in start..<(start + Int(entry.edgeCount)) {
                let v = Int(rowEdges[k]) &* 2
                counter.count(vertices[v], vertices[v + 1], vertices[v + 2], vertices[v + 3])
                if counter.onSegment { break }
            }
            if counter.location != .exterior { body(Int(entry.polygon)) }
        }
    }

    @inline(__always) func cellColumn(_ x: Double) -> Int {
        Self.cellIndex(x, origin: originX, scale: scaleX, count: columns)
    }

    @inline(__always) func cellRow(_ y: Double) -> Int {
        Self.cellIndex(y, origin: originY, scale: scaleY, count: rows)
    }

    /// The one monotone coordinate → cell function used for points and edges alike.
    @inline(__always)
    static func cellIndex(_ v: Double, origin: Double, scale: Double, count: Int) -> Int {
        let i = ((v - origin) * scale).rounded(.down)
        if !(i > 0) { return 0 }
        return i >= Double(count) ? count - 1 : Int(i)
    }
}

private extension UnsafeMutableBufferPointer {
    static func copy(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }
}
