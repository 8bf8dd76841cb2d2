import Foundation
import GridMapGeometry
import GridMapTestSupport
import Testing
import GridMapTiles

/// Polygons stay valid through clipping, simplification and snapping to the integer grid:
/// every feature decoded by the tests' own reader, its rings grouped by their winding, is a
/// valid GEOS MultiPolygon.
@Suite struct TileValidityTests {
    /// Fits `sources` to the tile, encodes them and returns each drawn feature's decoded polygons.
    private static func decoded(_ sources: [MultiPolygon], frame: TileFrame, geos: GEOSContext) throws -> [MultiPolygon] {
        try decodedByIndex(sources, frame: frame, geos: geos).map(\.polygons)
    }

    /// The same, with the index of each drawn feature's source.
    private static func decodedByIndex(_ sources: [MultiPolygon], frame: TileFrame,
                                       geos: GEOSContext) throws -> [(index: Int, polygons: MultiPolygon)] {
        var tile = VectorTile()
        tile.addLayer(name: "layer", features: try sources.enumerated().map { index, source in
            VectorTile.Feature(id: UInt64(index), geometry: .polygons(try frame.polygons(source, context: geos)))
        })
        let features = try MVTReader.layers(tile.encoded()).first?.features ?? []
        return try features.map { (Int($0.id ?? .max), try MVTReader.multiPolygon($0)) }
    }

    private static func expectValid(_ polygons: [MultiPolygon], _ geos: GEOSContext, _ what: String) throws {
        for polygon in polygons {
            let reason = try geos.geometry(polygon).invalidityReason
            #expect(reason == nil, "\(what): \(reason ?? "")")
        }
    }

    @Test(arguments: ["dagangtou", "ganpu"])
    func sampleBoundariesAtEveryZoom(town: String) throws {
        let geos = GEOSContext()
        for layer in ["grids", "villages", "towns"] {
            let data = try Data(contentsOf: Fixtures.sample(town).appendingPathComponent("\(layer).geojson"))
            let boundaries = try GeoJSON.polygonFeatures(from: data).map(\.geometry)
            let extent = try #require(boundaries.compactMap(\.boundingBox).reduce(nil) { $0?.union($1) ?? $1 })
            for zoom in [6, 9, 11, 13, 15] {
                var drawn = Set<Int>()
                for tile in try TileRange(covering: extent, zoom: zoom) {
                    let features = try Self.decodedByIndex(boundaries, frame: TileFrame(tile: tile), geos: geos)
                    drawn.formUnion(features.map(\.index))
                    try Self.expectValid(features.map(\.polygons), geos, "\(town) \(layer) tile \(tile)")
                }
                #expect(drawn.count == boundaries.count, "\(town) \(layer) z\(zoom): every boundary drawn somewhere")
            }
        }
    }

    @Test func awkwardShapes() throws {
        let geos = GEOSContext()
        let tile = try TileID(z: 14, x: 13640, y: 6849)
        let shapes = TileShapes(tile: tile)
        let unit = 1.0 / 4096
        // Combs with a base beyond the buffer and teeth into the tile: fine ones (teeth and gaps of
        // 0.3 units) that snapping merges, coarse ones (3 and 2 units) that the clip cuts apart.
        func comb(toothWidth: Double, gap: Double) -> Ring {
            shapes.ring([(1.2, 0.1)] + (0..<40).flatMap { i -> [(Double, Double)] in
                let y = 0.1 + Double(i) * (toothWidth + gap) * unit
                return [(0.9, y), (0.9, y + toothWidth * unit), (1.1, y + toothWidth * unit), (1.1, y + (toothWidth + gap) * unit)]
            } + [(1.2, 0.1 + 40 * (toothWidth + gap) * unit)])
        }
        let cases: [(String, MultiPolygon)] = [
            ("sliver 0.3 units wide", MultiPolygon([Polygon(exterior: shapes.rectangle(0.1, 0.1, 0.6, 0.1 + 0.3 * unit))])),
            ("diagonal sliver", MultiPolygon([Polygon(exterior: shapes.ring([(0.1, 0.1), (0.8, 0.7), (0.8, 0.7 + 0.4 * unit)]))])),
            ("hole 0.2 units from the shell", MultiPolygon([Polygon(exterior: shapes.rectangle(0.2, 0.2, 0.4, 0.4),
                                                                   holes: [shapes.rectangle(0.2 + 0.2 * unit, 0.25, 0.3, 0.3)])])),
            ("parts 0.3 units apart", MultiPolygon([Polygon(exterior: shapes.rectangle(0.5, 0.5, 0.6, 0.6)),
                                                   Polygon(exterior: shapes.rectangle(0.6 + 0.3 * unit, 0.5, 0.7, 0.6))])),
            ("edge on the tile edge", MultiPolygon([Polygon(exterior: shapes.rectangle(0.8, 0.0, 1.0, 0.2))])),
            ("edge on the buffer edge", MultiPolygon([Polygon(exterior: shapes.rectangle(0.8, -64 * unit, 1.0 + 64 * unit, 0.2))])),
            ("coarse comb across the buffer edge", MultiPolygon([Polygon(exterior: comb(toothWidth: 3, gap: 2))])),
            ("fine comb across the buffer edge", MultiPolygon([Polygon(exterior: comb(toothWidth: 0.3, gap: 0.3))])),
            ("hole touching the shell", MultiPolygon([Polygon(exterior: shapes.rectangle(0.1, 0.6, 0.3, 0.8),
                                                             holes: [shapes.ring([(0.1, 0.7), (0.2, 0.65), (0.2, 0.75)])])])),
        ]
        for (name, source) in cases {
            #expect(try geos.geometry(source).invalidityReason == nil, "the input \(name) is valid")
            for frame in [TileFrame(tile: tile), TileFrame(tile: tile, simplificationTolerance: 0)] {
                try Self.expectValid(try Self.decoded([source], frame: frame, geos: geos), geos, name)
            }
        }
        let coarse = try Self.decoded([cases[6].1], frame: TileFrame(tile: tile), geos: geos)
        #expect(coarse.first?.polygons.count == 40, "the buffer edge cuts the teeth apart")
    }

    /// Invalid input, which GEOS cannot snap as it is, is repaired as drawn: a bowtie becomes its
    /// two triangles, overlapping parts their union.
    @Test func invalidInputIsRepairedAsDrawn() throws {
        let geos = GEOSContext()
        let tile = try TileID(z: 14, x: 13640, y: 6849)
        let shapes = TileShapes(tile: tile)
        let buffer = 64.0 / 4096
        let cases: [(String, MultiPolygon, polygons: Int, area: Double)] = [
            ("bowtie", MultiPolygon([Polygon(exterior: shapes.ring([(0.1, 0.1), (0.5, 0.5), (0.5, 0.1), (0.1, 0.5)]))]), 2, 0.08),
            ("overlapping parts", MultiPolygon([Polygon(exterior: shapes.rectangle(0.1, 0.1, 0.5, 0.5)),
                                                Polygon(exterior: shapes.rectangle(0.3, 0.3, 0.7, 0.7))]), 1, 0.28),
            // Triangles meeting at x = 0.7, 0.5 high per unit of width, cut at the buffer's edges.
            ("bowtie across the buffer", MultiPolygon([Polygon(exterior: shapes.ring([(-0.1, 0.1), (1.5, 0.5), (1.5, 0.1), (-0.1, 0.5)]))]),
             2, 0.25 * pow(0.7 + buffer, 2) + 0.25 * pow(0.3 + buffer, 2)),
        ]
        for (name, source, count, area) in cases {
            #expect(try geos.geometry(source).invalidityReason != nil, "the input \(name) is invalid")
            let decoded = try #require(try Self.decoded([source], frame: TileFrame(tile: tile), geos: geos).first)
            try Self.expectValid([decoded], geos, name)
            #expect(decoded.polygons.count == count, "\(name)")
            #expect(abs(try geos.geometry(decoded).area / (4096 * 4096) - area) < 0.002, "\(name)")
        }
    }

    /// A wobbly ring of 20,000 vertices with random spikes, ~60 km across, drawn from zoom 3 (where
    /// it is about 50 units across) to zoom 10.
    @Test func manyVertexRingsAtLowZoom() throws {
        let geos = GEOSContext()
        var random = SplitMix64(seed: 42)
        let centre = Coordinate(120.3, 29.1)
        let ring: Ring = (0..<20_000).map { i in
            let angle = 2 * Double.pi * Double(i) / 20_000
            let r = 0.3 * (1 + 0.2 * sin(13 * angle)) * (1 + 0.3 * random.unit() * random.unit())
            return Coordinate(centre.x + r * cos(angle), centre.y + 0.9 * r * sin(angle))
        }
        let source = MultiPolygon([Polygon(exterior: ring + [ring[0]])])
        #expect(try geos.geometry(source).invalidityReason == nil, "one radius per angle: a simple ring")
        for zoom in 3...10 {
            var drawn = 0
            for tile in try TileRange(covering: try #require(source.boundingBox), zoom: zoom) {
                let polygons = try Self.decoded([source], frame: TileFrame(tile: tile), geos: geos)
                drawn += polygons.count
                try Self.expectValid(polygons, geos, "tile \(tile)")
            }
            #expect(drawn > 0, "zoom \(zoom)")
        }
    }
}
