/// A point on a tile's integer grid: x to the east, y to the south, (0, 0) the tile's north-west
/// corner and (extent, extent) its south-east corner. The buffer around a tile has negative
/// coordinates or coordinates beyond the extent.
public struct TilePoint: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(_ x: Int, _ y: Int) {
        self.x = x
        self.y = y
    }
}

/// A polygon in tile coordinates. Rings may repeat their first point at the end and may wind
/// either way: the encoder orients them as MVT 2.1 requires.
public struct TilePolygon: Hashable, Sendable {
    public var exterior: [TilePoint]
    public var holes: [[TilePoint]]

    public init(exterior: [TilePoint], holes: [[TilePoint]] = []) {
        self.exterior = exterior
        self.holes = holes
    }
}

/// The geometry of one vector-tile feature.
public enum TileGeometry: Hashable, Sendable {
    /// One point or several (MVT POINT).
    case points([TilePoint])
    /// One line or several (MVT LINESTRING).
    case lines([[TilePoint]])
    /// One polygon or several (MVT POLYGON).
    case polygons([TilePolygon])
}
