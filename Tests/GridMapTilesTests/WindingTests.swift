import GridMapGeometry
import Testing
import GridMapTiles

/// MVT 2.1 ring winding, read from the encoded bytes by the tests' own reader: exterior rings
/// have a positive shoelace area in tile coordinates (y down), holes a negative one, each
/// polygon's exterior comes before its holes, and degenerate rings are dropped.
@Suite struct WindingTests {
    private static let p = TilePoint.init

    /// A 100-unit square with a hole, given in both windings.
    private static func square(exteriorClockwise: Bool, holeClockwise: Bool, closed: Bool) -> TilePolygon {
        var exterior = [p(100, 100), p(200, 100), p(200, 200), p(100, 200)]
        var hole = [p(120, 120), p(120, 150), p(150, 150), p(150, 120)]
        if !exteriorClockwise { exterior.reverse() }
        if holeClockwise { hole.reverse() }
        if closed { exterior.append(exterior[0]); hole.append(hole[0]) }
        return TilePolygon(exterior: exterior, holes: [hole])
    }

    private static func rings(_ geometry: TileGeometry) throws -> [[TilePoint]] {
        var tile = VectorTile()
        tile.addLayer(name: "test", features: [VectorTile.Feature(geometry: geometry)])
        let feature = try #require(try MVTReader.layers(tile.encoded()).first?.features.first)
        #expect(feature.type == 3)
        return try MVTReader.paths(feature)
    }

    /// Whether two open rings are the same cycle of points, in either direction.
    private static func sameCycle(_ a: [TilePoint], _ b: [TilePoint]) -> Bool {
        guard a.count == b.count, let start = b.firstIndex(of: a[0]) else { return false }
        let rotated = Array(b[start...] + b[..<start])
        return rotated == a || Array([rotated[0]] + rotated.dropFirst().reversed()) == a
    }

    @Test(arguments: [false, true], [false, true])
    func ringsAreWoundAsTheSpecSays(exteriorClockwise: Bool, holeClockwise: Bool) throws {
        for closed in [false, true] {
            let polygon = Self.square(exteriorClockwise: exteriorClockwise, holeClockwise: holeClockwise, closed: closed)
            let rings = try Self.rings(.polygons([polygon]))
            #expect(rings.count == 2)
            #expect(MVTReader.doubledArea(rings[0]) == 2 * 100 * 100)
            #expect(MVTReader.doubledArea(rings[1]) == -2 * 30 * 30)
            #expect(Self.sameCycle(rings[0], Array(polygon.exterior.prefix(4))))
            #expect(Self.sameCycle(rings[1], Array(polygon.holes[0].prefix(4))))
        }
    }

    @Test func degenerateRingsAreDropped() throws {
        let good = Self.square(exteriorClockwise: true, holeClockwise: false, closed: true)
        let flatHole = [Self.p(130, 130), Self.p(140, 140), Self.p(135, 135), Self.p(130, 130)]
        let twoPointHole = [Self.p(160, 160), Self.p(170, 170), Self.p(160, 160), Self.p(170, 170)]
        let repeatedPoints = [Self.p(300, 300), Self.p(300, 300), Self.p(400, 300), Self.p(400, 300), Self.p(400, 400), Self.p(300, 300)]
        let flatExterior = TilePolygon(exterior: [Self.p(0, 0), Self.p(50, 0), Self.p(90, 0), Self.p(0, 0)],
                                       holes: [[Self.p(10, 10), Self.p(20, 10), Self.p(20, 20)]])
        let rings = try Self.rings(.polygons([
            TilePolygon(exterior: good.exterior, holes: good.holes + [flatHole, twoPointHole]),
            flatExterior,
            TilePolygon(exterior: repeatedPoints),
        ]))
        #expect(rings.count == 3, "the square, its real hole and the triangle")
        #expect(rings.map(MVTReader.doubledArea) == [20_000, -1_800, 10_000])
        #expect(rings[2].count == 3, "repeated points are written once")
    }

    @Test func featuresAndLayersWithNothingToDrawAreLeftOut() throws {
        var tile = VectorTile()
        tile.addLayer(name: "empty", features: [
            VectorTile.Feature(id: 1, geometry: .polygons([TilePolygon(exterior: [Self.p(0, 0), Self.p(5, 0), Self.p(0, 0)])])),
            VectorTile.Feature(id: 2, geometry: .lines([[Self.p(3, 3), Self.p(3, 3)]])),
        ])
        tile.addLayer(name: "kept", features: [
            VectorTile.Feature(id: 3, geometry: .points([])),
            VectorTile.Feature(id: 4, geometry: .points([Self.p(1, 2)])),
        ])
        let layers = try MVTReader.layers(tile.encoded())
        #expect(layers.map(\.name) == ["kept"])
        #expect(layers.first?.features.map(\.id) == [4])
        #expect(VectorTile().encoded().isEmpty)
    }

    /// Through the whole pipeline from WGS84: the rings' order and winding in the lon/lat input
    /// (y up, where RFC 7946 wants exteriors counter-clockwise) do not matter.
    @Test(arguments: [false, true])
    func windingFromWGS84(counterClockwiseExterior: Bool) throws {
        let tile = try TileID(z: 14, x: 13641, y: 6903)
        let box = tile.wgs84Bounds
        func ring(_ fractions: [(Double, Double)], reversed: Bool) -> Ring {
            let points = fractions.map { Coordinate(box.minX + $0.0 * box.width, box.minY + $0.1 * box.height) }
            let ordered = reversed ? Array(points.reversed()) : points
            return ordered + [ordered[0]]
        }
        let ccw = counterClockwiseExterior
        let polygons = MultiPolygon([
            Polygon(exterior: ring([(0.1, 0.1), (0.6, 0.1), (0.6, 0.6), (0.1, 0.6)], reversed: !ccw),
                    holes: [ring([(0.2, 0.2), (0.3, 0.2), (0.3, 0.3), (0.2, 0.3)], reversed: ccw),
                            ring([(0.4, 0.4), (0.5, 0.4), (0.5, 0.5), (0.4, 0.5)], reversed: !ccw)]),
            Polygon(exterior: ring([(0.7, 0.7), (0.9, 0.7), (0.8, 0.95)], reversed: ccw)),
        ])
        let fitted = try TileFrame(tile: tile).polygons(polygons, context: GEOSContext())
        let rings = try Self.rings(.polygons(fitted))
        let signs = rings.map { MVTReader.doubledArea($0).signum() }
        #expect(signs == [1, -1, -1, 1] || signs == [1, 1, -1, -1], "\(signs)")
        let areas = rings.map { abs(MVTReader.doubledArea($0)) }.sorted()
        let unitArea = 4096.0 * 4096.0 * 2
        let expected = [0.1 * 0.1, 0.1 * 0.1, 0.2 * 0.25 / 2, 0.5 * 0.5].map { $0 * unitArea }
        for (got, want) in zip(areas, expected) { #expect(abs(Double(got) - want) / want < 0.005) }
    }
}
