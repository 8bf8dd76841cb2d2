import GridMapGeometry
import Testing
import GridMapTiles

/// The tile frame's coordinates and what it leaves out before GEOS is involved.
@Suite struct TileFrameTests {
    private static let tile = try! TileID(z: 14, x: 13640, y: 6849)
    private static let shapes = TileShapes(tile: tile)

    @Test func tileUnitsRunFromTheNorthWestCorner() {
        let frame = TileFrame(tile: Self.tile, extent: 512)
        for (fx, fy) in [(0.0, 0.0), (1.0, 1.0), (0.25, 0.75), (-0.5, 1.5)] {
            let units = frame.tileUnits(Self.shapes.coordinate(fx, fy))
            #expect(abs(units.x - fx * 512) < 1e-6 && abs(units.y - fy * 512) < 1e-6, "\(fx), \(fy): \(units)")
        }
        #expect(frame.clipBox == BoundingBox(minX: -64, minY: -64, maxX: 576, maxY: 576))
    }

    @Test func geometryOffTheBufferedTileIsEmpty() throws {
        let geos = GEOSContext()
        let frame = TileFrame(tile: Self.tile)
        let farAway = MultiPolygon([Polygon(exterior: Self.shapes.rectangle(1.1, 0.2, 1.3, 0.4))])
        #expect(try frame.polygons(farAway, context: geos).isEmpty)
        #expect(try frame.polygons(MultiPolygon([]), context: geos).isEmpty)
        #expect(try frame.lines([[Self.shapes.coordinate(0.5, 0.5)], []], context: geos).isEmpty, "no line of two points")
        #expect(try frame.lines([[Self.shapes.coordinate(-1, -1), Self.shapes.coordinate(-0.5, -1)]], context: geos).isEmpty)
        #expect(frame.points([Self.shapes.coordinate(2, 2), Coordinate(.nan, 28.27)]).isEmpty)
        #expect(throws: GEOSError.self) { try geos.lineGeometry([[Self.shapes.coordinate(0, 0), Self.shapes.coordinate(1, 1)], [Coordinate(0, 0)]]) }
    }
}
