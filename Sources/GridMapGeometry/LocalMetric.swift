import Foundation

/// Distances in metres near a reference latitude, by the equirectangular approximation on a
/// sphere of the Earth's mean radius. Within a county (tens of km) the error stays well under
/// 0.1 %, which is all that tolerances of a metre and "nearest grid" answers need.
public struct LocalMetric: Sendable {
    public static let earthRadius = 6_371_008.8
    public static let metersPerDegree = earthRadius * .pi / 180

    /// Metres per degree of longitude and of latitude at the reference latitude.
    public let metersPerDegreeX: Double
    public let metersPerDegreeY = LocalMetric.metersPerDegree

    public init(latitude: Double) {
        metersPerDegreeX = Self.metersPerDegree * cos(latitude * .pi / 180)
    }

    /// The squared distance in square metres from point p to the segment a–b, all in degrees
    /// (squared, so comparisons need no square root).
    @inline(__always)
    public func squaredDistanceToSegment(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double,
                                         _ bx: Double, _ by: Double) -> Double {
        let ux = (bx - ax) * metersPerDegreeX, uy = (by - ay) * metersPerDegreeY
        let wx = (px - ax) * metersPerDegreeX, wy = (py - ay) * metersPerDegreeY
        let length2 = ux * ux + uy * uy
        let t = length2 > 0 ? Swift.min(Swift.max((wx * ux + wy * uy) / length2, 0), 1) : 0
        let dx = wx - t * ux, dy = wy - t * uy
        return dx * dx + dy * dy
    }

    /// Squared distance in square metres from a point to a box (0 inside it), all in degrees.
    public func squaredDistance(_ px: Double, _ py: Double, to box: BoundingBox) -> Double {
        let dx = Swift.max(box.minX - px, 0, px - box.maxX) * metersPerDegreeX
        let dy = Swift.max(box.minY - py, 0, py - box.maxY) * metersPerDegreeY
        return dx * dx + dy * dy
    }

    /// Distance between two points given in degrees, in metres.
    public func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        let dx = (b.x - a.x) * metersPerDegreeX, dy = (b.y - a.y) * metersPerDegreeY
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Projects to local metres around `origin` (x east, y north).
    public func project(_ c: Coordinate, origin: Coordinate) -> Coordinate {
        Coordinate((c.x - origin.x) * metersPerDegreeX, (c.y - origin.y) * metersPerDegreeY)
    }

    /// Inverse of ``project(_:origin:)``.
    public func unproject(_ c: Coordinate, origin: Coordinate) -> Coordinate {
        Coordinate(origin.x + c.x / metersPerDegreeX, origin.y + c.y / metersPerDegreeY)
    }
}
