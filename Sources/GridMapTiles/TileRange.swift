import GridMapGeometry

/// The tiles of one zoom that cover a WGS84 bounding box: a rectangle of columns and rows,
/// iterated row by row from the north-west.
public struct TileRange: Sequence, Hashable, Sendable {
    public let zoom: Int
    public let columns: ClosedRange<Int>
    public let rows: ClosedRange<Int>

    /// The tiles at `zoom` whose interiors meet `box` (longitude/latitude; a box that only touches
    /// a tile's edge does not take that tile, unless the box is that thin). Longitudes are clamped
    /// to ±180 and latitudes to ±``WebMercator/maxLatitude``; a box across the antimeridian is two
    /// boxes.
    public init(covering box: BoundingBox, zoom: Int) throws(TileAddressError) {
        try TileID.checkZoom(zoom)
        let sides = [box.minX, box.minY, box.maxX, box.maxY]
        guard sides.allSatisfy(\.isFinite), box.minX <= box.maxX, box.minY <= box.maxY else {
            throw .invalidBoundingBox(box)
        }
        let side = Double(1 << zoom)
        let northWest = Self.worldFraction(Coordinate(box.minX, box.maxY))
        let southEast = Self.worldFraction(Coordinate(box.maxX, box.minY))
        self.zoom = zoom
        columns = Self.indices(from: northWest.x * side, to: southEast.x * side, side: side)
        rows = Self.indices(from: northWest.y * side, to: southEast.y * side, side: side)
    }

    /// Where a coordinate lies in the Web Mercator square, 0…1 east from the antimeridian and
    /// south from the top.
    private static func worldFraction(_ c: Coordinate) -> Coordinate {
        let p = WebMercator.project(Coordinate(Swift.min(Swift.max(c.x, -180), 180), c.y))
        let width = 2 * WebMercator.halfWorld
        return Coordinate((p.x + WebMercator.halfWorld) / width, (WebMercator.halfWorld - p.y) / width)
    }

    private static func indices(from low: Double, to high: Double, side: Double) -> ClosedRange<Int> {
        let last = Int(side) - 1
        let first = Swift.min(Int(low.rounded(.down)), last)
        return first...Swift.max(first, Swift.min(Int(high.rounded(.up)) - 1, last))
    }

    public var count: Int { columns.count * rows.count }

    public func makeIterator() -> Iterator { Iterator(range: self, x: columns.lowerBound, y: rows.lowerBound) }

    /// Tiles row by row.
    public struct Iterator: IteratorProtocol {
        let range: TileRange
        var x: Int
        var y: Int

        public mutating func next() -> TileID? {
            guard y <= range.rows.upperBound else { return nil }
            defer {
                x += 1
                if x > range.columns.upperBound { x = range.columns.lowerBound; y += 1 }
            }
            return TileID(checked: range.zoom, x, y)
        }
    }
}
