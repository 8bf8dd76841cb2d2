import GridMapCore
import GridMapGeometry

/// Known geometry for coverage tests: shapes and walks drawn in metres on the Gauss-Krüger zone
/// of 120°E (EPSG:4549) around a false origin near 30°N, converted to WGS84 by PROJ. Straight
/// lines in metres stay straight once GridMap projects them back.
public struct MetricPlane {
    public let projection: MetricProjection
    /// Metres of the plane's (0, 0).
    public let origin = Coordinate(500_000, 3_320_000)

    public init() throws { projection = try MetricProjection(zone: GaussKrugerZone(longitude: 120)) }

    /// WGS84 of a point given in metres from the origin.
    public func wgs84(_ x: Double, _ y: Double) -> Coordinate {
        projection.inverse(Coordinate(origin.x + x, origin.y + y))
    }

    /// A square with its south-west corner at (x, y) metres and side `side`, in WGS84.
    public func square(x: Double, y: Double, side: Double) -> MultiPolygon {
        MultiPolygon([Polygon(exterior: [(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)].map { wgs84($0.0, $0.1) })])
    }

    /// A snapshot of one town and one village holding `grids` (code suffix → square).
    public func snapshot(grids: [(suffix: String, geometry: MultiPolygon)], town outline: MultiPolygon) -> AdminSnapshot {
        let town = AdminUnit(level: .town, code: "330000001000", name: "测试镇", parentCode: nil)
        let village = AdminUnit(level: .village, code: "330000001001", name: "测试村", parentCode: town.code)
        return AdminSnapshot(
            towns: [Boundary(unit: town, geometry: outline)], villages: [Boundary(unit: village, geometry: outline)],
            grids: grids.map { Boundary(unit: AdminUnit(level: .grid, code: village.code + $0.suffix, name: "网格\($0.suffix)",
                                                         parentCode: village.code), geometry: $0.geometry) },
            people: [], taxonomies: [:], revision: 1)
    }

    /// Fixes of a walk through `waypoints` (metres) at `speed` m/s, one every `interval` seconds
    /// from `start` (UTC ms), reported in `crs`.
    public func walk(_ waypoints: [(Double, Double)], member: String, start: Int64, speed: Double = 1.4,
                     interval: Double = 10, crs: CoordinateSystem = .wgs84) -> [PatrolFix] {
        var fixes: [PatrolFix] = []
        var t = 0.0
        var carried = 0.0
        for (a, b) in zip(waypoints, waypoints.dropFirst()) {
            let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
            var along = carried
            while along <= length {
                let f = along / length
                let point = wgs84(a.0 + f * (b.0 - a.0), a.1 + f * (b.1 - a.1))
                fixes.append(PatrolFix(member: member, milliseconds: start + Int64(t * 1000), position: crs.fromWGS84(point), crs: crs))
                t += interval
                along += speed * interval
            }
            carried = along - length
        }
        if let last = waypoints.last, carried > 0 {
            let point = wgs84(last.0, last.1)
            fixes.append(PatrolFix(member: member, milliseconds: start + Int64(t * 1000), position: crs.fromWGS84(point), crs: crs))
        }
        return fixes
    }
}
