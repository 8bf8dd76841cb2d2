import GridMapCore
import GridMapGeometry

/// A web map tile in the XYZ scheme of `/{z}/{x}/{y}` URLs: zoom `z`, column `x` counted east from
/// the antimeridian, row `y` counted south from the top of the Web Mercator square.
public struct TileID: Hashable, Sendable, CustomStringConvertible {
    /// The deepest zoom accepted.
    public static let maxZoom = 24

    public let z: Int
    public let x: Int
    public let y: Int

    /// A tile, checked: `z` in 0…``maxZoom``, `x` and `y` in 0..<2^z.
    public init(z: Int, x: Int, y: Int) throws(TileAddressError) {
        try Self.checkZoom(z)
        let side = 1 << z
        guard (0..<side).contains(x) else { throw .columnOutOfRange(x: x, zoom: z) }
        guard (0..<side).contains(y) else { throw .rowOutOfRange(y: y, zoom: z) }
        self.init(checked: z, x, y)
    }

    init(checked z: Int, _ x: Int, _ y: Int) {
        self.z = z
        self.x = x
        self.y = y
    }

    static func checkZoom(_ z: Int) throws(TileAddressError) {
        guard (0...maxZoom).contains(z) else { throw .zoomOutOfRange(z) }
    }

    /// The row in the TMS scheme (counted north from the bottom), as MBTiles stores it.
    public var tmsRow: Int { (1 << z) - 1 - y }

    /// The tile's square in Web Mercator (EPSG:3857) metres.
    public var mercatorBounds: BoundingBox {
        let size = 2 * WebMercator.halfWorld / Double(1 << z)
        return BoundingBox(minX: -WebMercator.halfWorld + Double(x) * size,
                           minY: WebMercator.halfWorld - Double(y + 1) * size,
                           maxX: -WebMercator.halfWorld + Double(x + 1) * size,
                           maxY: WebMercator.halfWorld - Double(y) * size)
    }

    /// The tile's extent in WGS84 longitude and latitude.
    public var wgs84Bounds: BoundingBox {
        let metres = mercatorBounds
        let southWest = WebMercator.unproject(Coordinate(metres.minX, metres.minY))
        let northEast = WebMercator.unproject(Coordinate(metres.maxX, metres.maxY))
        return BoundingBox(minX: southWest.x, minY: southWest.y, maxX: northEast.x, maxY: northEast.y)
    }

    /// "z/x/y".
    public var description: String { "\(z)/\(x)/\(y)" }
}

/// Why a tile address or a tile range cannot be made.
public enum TileAddressError: CodedError, Equatable, Sendable {
    case zoomOutOfRange(Int)
    case columnOutOfRange(x: Int, zoom: Int)
    case rowOutOfRange(y: Int, zoom: Int)
    /// A bounding box with a NaN or infinite side, or with a minimum above its maximum.
    case invalidBoundingBox(BoundingBox)

    public var errorCode: String { "invalid_tile" }
    public var failureKind: FailureKind { .invalidInput }

    public var description: String {
        switch self {
        case .zoomOutOfRange(let z): "zoom \(z) is outside 0…\(TileID.maxZoom)"
        case .columnOutOfRange(let x, let z): "column x=\(x) is outside 0…\((1 << z) - 1) at zoom \(z)"
        case .rowOutOfRange(let y, let z): "row y=\(y) is outside 0…\((1 << z) - 1) at zoom \(z)"
        case .invalidBoundingBox(let b):
            "bounding box (\(b.minX), \(b.minY), \(b.maxX), \(b.maxY)) is not finite or has a minimum above its maximum"
        }
    }
}
