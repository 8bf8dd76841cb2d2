import GridMapCore
import GridMapGeometry
import Testing

/// The swap part of ``PointAcceptance`` applied to patrol fixes, on data where a swapped point is
/// still in range (both numbers below 90): a town at 45–46°E, 30–31°N.
@Suite struct PatrolAcceptanceTests {
    let resolver: Resolver

    init() {
        func square(_ x: Double, _ y: Double, _ side: Double) -> MultiPolygon {
            MultiPolygon([Polygon(exterior: [Coordinate(x, y), Coordinate(x + side, y), Coordinate(x + side, y + side),
                                             Coordinate(x, y + side), Coordinate(x, y)])])
        }
        let town = AdminUnit(level: .town, code: "330000001000", name: "测试镇", parentCode: nil)
        let village = AdminUnit(level: .village, code: "330000001001", name: "测试村", parentCode: town.code)
        let grid = AdminUnit(level: .grid, code: "330000001001001", name: "网格1", parentCode: village.code)
        resolver = Resolver(AdminSnapshot(towns: [Boundary(unit: town, geometry: square(45, 30, 1))],
                                          villages: [Boundary(unit: village, geometry: square(45, 30, 1))],
                                          grids: [Boundary(unit: grid, geometry: square(45.2, 30.2, 0.5))],
                                          people: [], taxonomies: [:], revision: 1))
    }

    func fix(_ lon: Double, _ lat: Double, crs: CoordinateSystem = .wgs84, at second: Int64 = 0) -> PatrolFix {
        PatrolFix(member: "m1", milliseconds: 1_772_409_600_000 + second * 1000, position: Coordinate(lon, lat), crs: crs)
    }

    @Test func aSwappedFixIsNamedByPositionMemberAndTime() throws {
        let fixes = [fix(45.5, 30.5), fix(45.6, 30.4, at: 10), fix(30.5, 45.5, at: 20)]
        #expect(throws: PatrolParseError.self) { try PatrolFile.checkSwapped(fixes, against: resolver) }
        do {
            try PatrolFile.checkSwapped(fixes, against: resolver)
        } catch {
            #expect(error.code == .latLonSwapped)
            #expect(error.detail.hasPrefix("fix 3 (member m1, 2026-03-02T00:00:20.000Z): [30.5, 45.5] is far from every boundary"))
        }
    }

    @Test func fixesNearTheDataOrNotSwappableIntoItPass() throws {
        // In the data; near it (within 0.5°) though outside; far from it, and swapped still far.
        try PatrolFile.checkSwapped([fix(45.5, 30.5), fix(44.7, 30.5), fix(10, 60), fix(45.5, 30.5, crs: .gcj02)], against: resolver)
    }
}
