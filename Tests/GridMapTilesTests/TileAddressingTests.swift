import Foundation
import GridMapGeometry
import Testing
import GridMapTestSupport
@testable import GridMapTiles

@Suite struct TileAddressingTests {
    @Test func rejectsAddressesOutsideTheZoom() throws {
        #expect(throws: TileAddressError.zoomOutOfRange(25)) { try TileID(z: 25, x: 0, y: 0) }
        #expect(throws: TileAddressError.zoomOutOfRange(-1)) { try TileID(z: -1, x: 0, y: 0) }
        #expect(throws: TileAddressError.columnOutOfRange(x: 4, zoom: 2)) { try TileID(z: 2, x: 4, y: 0) }
        #expect(throws: TileAddressError.columnOutOfRange(x: -1, zoom: 2)) { try TileID(z: 2, x: -1, y: 0) }
        #expect(throws: TileAddressError.rowOutOfRange(y: 4, zoom: 2)) { try TileID(z: 2, x: 3, y: 4) }
        #expect(TileAddressError.zoomOutOfRange(25).description == "zoom 25 is outside 0…24")
        #expect(TileAddressError.rowOutOfRange(y: 4, zoom: 2).description == "row y=4 is outside 0…3 at zoom 2")
        let deepest = try TileID(z: 24, x: (1 << 24) - 1, y: 0)
        #expect(deepest.description == "24/16777215/0")
    }

    @Test func tmsRowCountsFromTheSouth() throws {
        #expect(try TileID(z: 0, x: 0, y: 0).tmsRow == 0)
        #expect(try TileID(z: 3, x: 5, y: 0).tmsRow == 7)
        #expect(try TileID(z: 3, x: 5, y: 7).tmsRow == 0)
        #expect(try TileID(z: 14, x: 13641, y: 6903).tmsRow == 16383 - 6903)
    }

    @Test func boundsMatchTheSlippyMapFormulas() throws {
        let worldEdge = 20_037_508.342789244
        let world = try TileID(z: 0, x: 0, y: 0)
        #expect(abs(world.mercatorBounds.maxX - worldEdge) < 1e-6 && abs(world.mercatorBounds.minY + worldEdge) < 1e-6)
        #expect(abs(world.wgs84Bounds.maxY - 85.0511287798) < 1e-9 && abs(world.wgs84Bounds.minX + 180) < 1e-12)
        for z in 0...TileID.maxZoom {
            let side = 1 << z
            for (x, y) in [(0, 0), (side - 1, side - 1), (side / 2, side / 3), (side * 5 / 6, side * 3 / 8)] {
                let tile = try TileID(z: z, x: x, y: y)
                let expected = SlippyMap.box(z: z, x: x, y: y)
                let bounds = tile.wgs84Bounds
                for (got, want) in [(bounds.minX, expected.minX), (bounds.maxX, expected.maxX),
                                    (bounds.minY, expected.minY), (bounds.maxY, expected.maxY)] {
                    #expect(abs(got - want) < 1e-9, "tile \(tile)")
                }
                #expect(abs(tile.mercatorBounds.width - 2 * worldEdge / Double(side)) < 1e-6)
                #expect(abs(tile.mercatorBounds.height - tile.mercatorBounds.width) < 1e-6)
            }
        }
    }

    @Test func webMercatorAgreesWithPROJ() throws {
        let points = [Coordinate(119.72, 28.27), Coordinate(-180, -85.0511287798), Coordinate(180, 85.0511287798),
                      Coordinate(0, 0), Coordinate(-73.98, 40.75), Coordinate(151.2, -33.87), Coordinate(120.95, 30.42)]
        let input = points.map { "\($0.x) \($0.y)\n" }.joined()
        let output = try ExternalTool.run("/usr/bin/gdaltransform", ["-s_srs", "EPSG:4326", "-t_srs", "EPSG:3857", "-output_xy"],
                                          input: Array(input.utf8))
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == points.count)
        for (point, line) in zip(points, lines) {
            let proj = line.split(separator: " ").compactMap { Double($0) }
            let ours = WebMercator.project(point)
            #expect(abs(ours.x - proj[0]) < 1e-6 && abs(ours.y - proj[1]) < 1e-6, "\(point): \(ours) vs \(proj)")
            let back = WebMercator.unproject(ours)
            #expect(abs(back.x - point.x) < 1e-10 && abs(back.y - point.y) < 1e-10)
        }
    }

    @Test func webMercatorClampsLatitudesBeyondTheSquare() {
        let edge = WebMercator.project(Coordinate(10, WebMercator.maxLatitude))
        #expect(WebMercator.project(Coordinate(10, 89.9)) == edge)
        #expect(abs(WebMercator.project(Coordinate(10, -90)).y + edge.y) < 1e-6)
        #expect(abs(edge.y - WebMercator.halfWorld) < 1e-3)
    }

    @Test func rangeHoldsExactlyTheTilesMeetingTheBox() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let zoom = Int(random.next() % 19)
            let lon = -180 + 359 * random.unit(), lat = -80 + 160 * random.unit()
            let size = SlippyMap.unitDegrees(zoom: zoom, extent: 1) * 6 * pow(random.unit(), 2)
            let box = BoundingBox(minX: lon, minY: lat, maxX: min(180, lon + size), maxY: min(84, lat + size * 0.7))
            let range = try TileRange(covering: box, zoom: zoom)
            let tiles = Array(range)
            #expect(tiles.count == range.count && Set(tiles).count == tiles.count)
            for tile in tiles { #expect(Self.overlap(tile.wgs84Bounds, box), "\(tile) is in the range of \(box)") }
            let side = 1 << zoom
            let ringAround = (range.columns.lowerBound - 1...range.columns.upperBound + 1).flatMap { x in
                (range.rows.lowerBound - 1...range.rows.upperBound + 1).map { y in (x, y) }
            }.filter { x, y in !(range.columns.contains(x) && range.rows.contains(y)) && (0..<side).contains(x) && (0..<side).contains(y) }
            for (x, y) in ringAround {
                let tile = try TileID(z: zoom, x: x, y: y)
                #expect(!Self.overlap(tile.wgs84Bounds, box), "\(tile) meets \(box) but is outside the range")
            }
        }
    }

    @Test func rangeAtTileEdgesAndLimits() throws {
        let tile = try TileID(z: 10, x: 852, y: 428)
        let exact = try TileRange(covering: tile.wgs84Bounds, zoom: 10)
        #expect(Array(exact) == [tile])
        let corner = BoundingBox(minX: tile.wgs84Bounds.minX, minY: tile.wgs84Bounds.maxY,
                                 maxX: tile.wgs84Bounds.minX, maxY: tile.wgs84Bounds.maxY)
        #expect(try TileRange(covering: corner, zoom: 10).count == 1)
        let world = try TileRange(covering: BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90), zoom: 2)
        #expect(Array(world).map(\.description) == (0..<4).flatMap { y in (0..<4).map { x in "2/\(x)/\(y)" } })
        let wide = try TileRange(covering: BoundingBox(minX: -500, minY: 85.06, maxX: -170, maxY: 89), zoom: 3)
        #expect(wide.columns == 0...0 && wide.rows == 0...0)
        let nan = BoundingBox(minX: .nan, minY: 0, maxX: 1, maxY: 1)
        let error = #expect(throws: TileAddressError.self) { try TileRange(covering: nan, zoom: 3) }
        #expect(error?.description.hasPrefix("bounding box (nan, 0.0, 1.0, 1.0) is not finite") == true)
        let inverted = BoundingBox(minX: 2, minY: 0, maxX: 1, maxY: 1)
        #expect(throws: TileAddressError.invalidBoundingBox(inverted)) { try TileRange(covering: inverted, zoom: 3) }
        #expect(throws: TileAddressError.zoomOutOfRange(30)) { try TileRange(covering: tile.wgs84Bounds, zoom: 30) }
    }

    /// Whether two boxes share interior (not only an edge).
    private static func overlap(_ a: BoundingBox, _ b: BoundingBox) -> Bool {
        min(a.maxX, b.maxX) > max(a.minX, b.minX) && min(a.maxY, b.maxY) > max(a.minY, b.minY)
    }
}
