import GridMapGeometry
import Testing
import GridMapTiles

/// Tiles read back by GDAL's MVT driver (an independent decoder, with PROJ doing the inverse
/// projection) match their WGS84 sources within tile precision.
@Suite struct GDALDecodingTests {
    /// The zoom-14 tile of (119.72, 28.27) in 大港头镇 (≈ 2.2 km across, one unit ≈ 0.5 m).
    private static let tile = try! TileID(z: 14, x: 13640, y: 6849)
    private static let shapes = TileShapes(tile: tile)
    private static let unit = SlippyMap.unitDegrees(zoom: 14)

    /// A grid with two holes, and a village in two parts, one with a hole.
    private static let sources: [(id: UInt64, name: String, geometry: MultiPolygon)] = [
        (101, "利山村第6网格", MultiPolygon([Polygon(exterior: shapes.blob(0.3, 0.35, radius: 0.2, vertices: 800),
                                                  holes: [shapes.blob(0.25, 0.3, radius: 0.04), shapes.rectangle(0.35, 0.4, 0.4, 0.45)])])),
        (102, "利山村", MultiPolygon([Polygon(exterior: shapes.rectangle(0.6, 0.6, 0.9, 0.9), holes: [shapes.blob(0.75, 0.75, radius: 0.05)]),
                                     Polygon(exterior: shapes.blob(0.75, 0.2, radius: 0.1, vertices: 200, wave: 0.3, lobes: 11))])),
    ]

    private static func encodedPolygons(simplification: Double) throws -> [UInt8] {
        let frame = TileFrame(tile: tile, simplificationTolerance: simplification)
        let geos = GEOSContext()
        var vectorTile = VectorTile()
        vectorTile.addLayer(name: "grids", features: try sources.map { source in
            VectorTile.Feature(id: source.id, properties: ["name": .string(source.name), "level": 3],
                               geometry: .polygons(try frame.polygons(source.geometry, context: geos)))
        })
        return vectorTile.encoded()
    }

    @Test(arguments: [(0.0, 1.0), (1.0, 2.0)])
    func polygonsWithHolesAndMultiPolygons(simplification: Double, toleranceInUnits: Double) throws {
        let geos = GEOSContext()
        let features = try GDALTileReader.features(layer: "grids", of: Self.encodedPolygons(simplification: simplification), tile: Self.tile)
        #expect(features.count == Self.sources.count)
        for (feature, source) in zip(features, Self.sources) {
            #expect(feature.id == Int(source.id))
            #expect(feature.properties["name"]?.string == source.name && feature.properties["level"]?.number == 3)
            let decoded = try GeoJSON.multiPolygon(feature.geometry)
            #expect(decoded.polygons.map(\.holes.count).sorted() == source.geometry.polygons.map(\.holes.count).sorted())
            let distance = try GeometryComparison.hausdorff(decoded, source.geometry, geos)
            #expect(distance <= toleranceInUnits * Self.unit, "\(source.name): \(distance / Self.unit) units")
            // No boundary point moved further than the tolerance, so neither did the area between them.
            let difference = try GeometryComparison.symmetricDifferenceArea(decoded, source.geometry, geos)
            #expect(difference <= GeometryComparison.perimeter(source.geometry) * toleranceInUnits * Self.unit)
        }
    }

    @Test(arguments: [0, 64])
    func polygonCrossingTheTileEdgeIsClippedToTheBuffer(buffer: Int) throws {
        let geos = GEOSContext()
        let source = MultiPolygon([
            Polygon(exterior: Self.shapes.blob(1.0, 0.5, radius: 0.3, vertices: 1000)),
            Polygon(exterior: Self.shapes.rectangle(-0.2, -0.3, 0.1, 0.2)),
        ])
        let frame = TileFrame(tile: Self.tile, buffer: buffer, simplificationTolerance: 0)
        var vectorTile = VectorTile()
        vectorTile.addLayer(name: "edge", features: [VectorTile.Feature(geometry: .polygons(try frame.polygons(source, context: geos)))])
        let features = try GDALTileReader.features(layer: "edge", of: vectorTile.encoded(), tile: Self.tile)
        let decoded = try GeoJSON.multiPolygon(try #require(features.first).geometry)

        let box = SlippyMap.box(z: Self.tile.z, x: Self.tile.x, y: Self.tile.y, buffer: buffer)
        let expected = try geos.geometry(source).intersection(geos.geometry(GeometryComparison.polygon(box))).polygons()
        #expect(decoded.polygons.count == 2)
        #expect(try GeometryComparison.hausdorff(decoded, expected, geos) <= Self.unit)
        let reach = try #require(decoded.boundingBox)
        for (got, want) in [(reach.maxX, box.maxX), (reach.minX, box.minX), (reach.maxY, box.maxY)] {
            #expect(abs(got - want) <= Self.unit, "the clip follows the buffered edge")
        }
    }

    @Test func linesAndPoints() throws {
        let geos = GEOSContext()
        let frame = TileFrame(tile: Self.tile, simplificationTolerance: 0)
        // A patrol track wandering off the tile and back twice, and a short one far away.
        let track = [(-0.5, 0.1), (0.2, 0.2), (0.5, -0.4), (0.7, 0.3), (1.3, 0.6), (0.8, 0.9), (0.3, 0.7), (0.31, 0.71)]
            .map { Self.shapes.coordinate($0.0, $0.1) }
        let farAway = [Self.shapes.coordinate(3, 3), Self.shapes.coordinate(3.5, 3)]
        let events = [(0.5, 0.5), (0.01, 0.99), (-0.01, 0.5), (1.014, 0.2), (1.02, 0.2), (0.5, 1.5)].map { Self.shapes.coordinate($0.0, $0.1) }

        var vectorTile = VectorTile()
        vectorTile.addLayer(name: "tracks", features: [
            VectorTile.Feature(id: 1, properties: ["member": "徐静"], geometry: .lines(try frame.lines([track, farAway], context: geos))),
        ])
        vectorTile.addLayer(name: "events", features: frame.points(events).enumerated().map { index, point in
            VectorTile.Feature(id: UInt64(index + 1), properties: ["category": "fire.ebike"], geometry: .points([point]))
        })
        let bytes = vectorTile.encoded()

        let trackFeature = try #require(try GDALTileReader.features(layer: "tracks", of: bytes, tile: Self.tile).first)
        #expect(trackFeature.id == 1 && trackFeature.properties["member"]?.string == "徐静")
        let decodedLines = try GDALTileReader.lines(trackFeature.geometry)
        #expect(decodedLines.count == 3, "the track enters the buffered tile three times")
        let box = SlippyMap.box(z: Self.tile.z, x: Self.tile.x, y: Self.tile.y, buffer: 64)
        let expected = try geos.lineGeometry([track]).intersection(geos.geometry(GeometryComparison.polygon(box)))
        #expect(try geos.lineGeometry(decodedLines).hausdorffDistance(expected) <= Self.unit)

        let decodedEvents = try GDALTileReader.features(layer: "events", of: bytes, tile: Self.tile)
        let kept = events.filter { box.contains($0) }
        #expect(kept.count == 4, "inside, on the tile, in the buffer west and east; beyond the buffer dropped")
        #expect(decodedEvents.count == kept.count)
        for (feature, event) in zip(decodedEvents, kept) {
            let point = try #require(try GDALTileReader.points(feature.geometry).first)
            #expect(abs(point.x - event.x) <= Self.unit && abs(point.y - event.y) <= Self.unit)
            #expect(feature.properties["category"]?.string == "fire.ebike")
        }
    }
}
