import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite
import GridMapTestSupport
import GridMapExport
import GridMapTiles
import Testing

/// GridMap's layers drawn into tiles and an MBTiles file, read back by GDAL.
@Suite struct TileLayersTests {
    let store: SpatiaLiteStore
    let sources: TileSources

    init() throws {
        store = try Fixtures.storeWithEvents(["dagangtou"])
        let snapshot = try store.snapshot()
        sources = TileSources(snapshot: snapshot, facts: try store.eventFactsTable(),
                              filter: EventFilter(from: Instant(milliseconds: 0), to: .now()), gridAreas: try snapshot.areasKm2(.grid))
    }

    /// A z14 tile in the middle of 大港头镇.
    static let tile = try! TileID(z: 14, x: 13_640, y: 6_849)

    @Test func gridsOnATileAreTheGridsMeetingItsBuffer() throws {
        #expect(Self.tile.wgs84Bounds.contains(Coordinate(119.72, 28.27)))
        let bytes = try TileRenderer(sources: sources, layers: [.grids, .events]).tile(at: Self.tile).encoded()
        let decoded = try GDALTileReader.features(layer: "grids", of: bytes, tile: Self.tile)
        let buffered = SlippyMap.box(z: Self.tile.z, x: Self.tile.x, y: Self.tile.y, buffer: 64)
        let context = GEOSContext()
        let box = try context.geometry(MultiPolygon([Polygon(exterior: [
            Coordinate(buffered.minX, buffered.minY), Coordinate(buffered.maxX, buffered.minY), Coordinate(buffered.maxX, buffered.maxY),
            Coordinate(buffered.minX, buffered.maxY), Coordinate(buffered.minX, buffered.minY),
        ])]))
        let expected = try sources.snapshot.grids.filter { try !context.geometry($0.geometry).intersection(box).isEmpty }.map(\.unit.code)
        #expect(Set(decoded.compactMap { $0.properties["code"]?.string }) == Set(expected) && expected.count > 3)
        #expect(decoded.allSatisfy { $0.id.map(String.init) == $0.properties["code"]?.string }, "feature ids are the grid codes")

        let events = try GDALTileReader.features(layer: "events", of: bytes, tile: Self.tile)
        let inside = sources.facts.points.filter(buffered.contains).count
        let strictlyInside = sources.facts.points.filter(Self.tile.wgs84Bounds.contains).count
        #expect(events.count <= inside && events.count >= strictlyInside && strictlyInside > 0)
    }

    @Test func anMBTilesFileOpensInGDALWithEveryLayer() throws {
        let path = try Fixtures.scratchDirectory().appendingPathComponent("dagangtou.mbtiles").path
        let area = sources.snapshot.towns[0].geometry.boundingBox!
        var written = 0
        try MBTilesFile.write(path: path, metadata: ["name": "test", "format": "pbf", "minzoom": "12", "maxzoom": "14",
                                                     "json": #"{"vector_layers":[{"id":"grids","fields":{}},{"id":"events","fields":{}}]}"#]) { add in
            written = try TileSetBuilder(sources: sources, layers: [.grids, .events]).build(covering: area, zooms: 12...14) { tile, bytes in
                try add(tile.z, tile.x, tile.tmsRow, bytes)
            }
        }
        #expect(written > 20)
        let info = String(decoding: try ExternalTool.run("/usr/bin/ogrinfo", ["-ro", "-so", "-oo", "ZOOM_LEVEL=14", path, "grids"]), as: UTF8.self)
        #expect(info.contains("Layer name: grids") && info.contains("Pseudo-Mercator"))
        let count = info.split(separator: "\n").first { $0.hasPrefix("Feature Count:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
        #expect(count >= sources.snapshot.grids.count, "every grid is on some z14 tile (features repeat across tiles)")
        let listing = String(decoding: try ExternalTool.run("/usr/bin/ogrinfo", ["-ro", "-q", path]), as: UTF8.self)
        #expect(listing.contains("grids") && listing.contains("events"))
    }
}
