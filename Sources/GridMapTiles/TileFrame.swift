import GridMapGeometry

/// How WGS84 geometry is fitted to one tile: projected to Web Mercator and scaled to tile units
/// (`extent` across the tile, y down), clipped to the tile and a `buffer` of units around it,
/// simplified within `simplificationTolerance` units without breaking topology, and snapped to the
/// integer grid with its topology repaired, so polygons stay valid. What becomes empty is dropped.
/// Invalid input polygons (self-intersecting rings, overlapping parts), which GEOS cannot snap, are
/// repaired first by GEOSMakeValid's "structure" method: a tile is for drawing, and the store
/// checks boundaries when they are imported.
///
/// The tolerance is in tile units, so simplification follows the zoom: with the default extent one
/// unit is 2.4 m at zoom 12 and 0.15 m at zoom 16 on the equator (times the cosine of the
/// latitude: 2.1 m and 0.13 m in Zhejiang).
public struct TileFrame: Hashable, Sendable {
    public let tile: TileID
    public let extent: Int
    public let buffer: Int
    public let simplificationTolerance: Double
    /// The tile's north-west corner in Web Mercator metres, and tile units per metre.
    private let west: Double, north: Double, unitsPerMetre: Double

    /// `extent` > 0, `buffer` ≥ 0 and `simplificationTolerance` ≥ 0 (0: no simplification) are
    /// checked with a precondition: they are the program's choice, not its input.
    public init(tile: TileID, extent: Int = VectorTile.defaultExtent, buffer: Int = 64,
                simplificationTolerance: Double = 1) {
        precondition(extent > 0 && buffer >= 0 && simplificationTolerance >= 0,
                     "tile frame needs extent > 0, buffer ≥ 0, tolerance ≥ 0")
        self.tile = tile
        self.extent = extent
        self.buffer = buffer
        self.simplificationTolerance = simplificationTolerance
        let bounds = tile.mercatorBounds
        west = bounds.minX
        north = bounds.maxY
        unitsPerMetre = Double(extent) / bounds.width
    }

    /// The tile and its buffer, in tile units.
    public var clipBox: BoundingBox {
        BoundingBox(minX: Double(-buffer), minY: Double(-buffer),
                    maxX: Double(extent + buffer), maxY: Double(extent + buffer))
    }

    /// A WGS84 coordinate in (unrounded) tile units.
    public func tileUnits(_ c: Coordinate) -> Coordinate {
        let p = WebMercator.project(c)
        return Coordinate((p.x - west) * unitsPerMetre, (north - p.y) * unitsPerMetre)
    }

    /// The polygons of `value` fitted to the tile; empty when nothing of them is on it.
    public func polygons(_ value: MultiPolygon, context: GEOSContext) throws -> [TilePolygon] {
        guard let box = value.boundingBox, reaches(box) else { return [] }
        let geometry = try context.geometry(value, transform: tileUnits)
        let result: GEOSGeometryValue
        do {
            result = try fitted(geometry)
        } catch is GEOSError {
            // Only invalid input fails here; checking every input for validity first would cost more.
            result = try fitted(geometry.madeValidByStructure())
        }
        return result.polygons().polygons.map { polygon in
            TilePolygon(exterior: Self.grid(polygon.exterior), holes: polygon.holes.map(Self.grid))
        }
    }

    /// The lines fitted to the tile (a line crossing the buffer's edge several times becomes
    /// several lines); empty when nothing of them is on it. Lines of fewer than two coordinates
    /// are ignored.
    public func lines(_ lines: [[Coordinate]], context: GEOSContext) throws -> [[TilePoint]] {
        let drawable = lines.filter { $0.count >= 2 }
        guard let box = BoundingBox(drawable.joined()), reaches(box) else { return [] }
        return try fitted(context.lineGeometry(drawable, transform: tileUnits)).lineStrings().map(Self.grid)
    }

    /// The points on the tile or its buffer, rounded to the grid; the others are dropped.
    public func points(_ points: [Coordinate]) -> [TilePoint] {
        let box = clipBox
        return points.map(tileUnits).filter(box.contains).map(Self.gridPoint)
    }

    /// Whether a WGS84 box meets the buffered tile (Web Mercator keeps boxes boxes).
    private func reaches(_ box: BoundingBox) -> Bool {
        let northWest = tileUnits(Coordinate(box.minX, box.maxY))
        let southEast = tileUnits(Coordinate(box.maxX, box.minY))
        return clipBox.intersects(BoundingBox(minX: northWest.x, minY: northWest.y, maxX: southEast.x, maxY: southEast.y))
    }

    private func fitted(_ geometry: GEOSGeometryValue) throws -> GEOSGeometryValue {
        let clipped = try geometry.clipped(to: clipBox)
        let simplified = simplificationTolerance > 0
            ? try clipped.simplifiedPreservingTopology(tolerance: simplificationTolerance) : clipped
        return try simplified.snapped(toGrid: 1)
    }

    private static func grid(_ coordinates: [Coordinate]) -> [TilePoint] { coordinates.map(gridPoint) }

    private static func gridPoint(_ c: Coordinate) -> TilePoint {
        TilePoint(Int(c.x.rounded()), Int(c.y.rounded()))
    }
}
