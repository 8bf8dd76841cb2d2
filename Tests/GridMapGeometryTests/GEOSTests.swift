import Testing
@testable import GridMapGeometry

@Suite struct GEOSTests {
    @Test func bowtieIsInvalidAndRepairs() throws {
        let geos = GEOSContext()
        let bowtie = MultiPolygon([Polygon(exterior: [Coordinate(0, 0), Coordinate(2, 2), Coordinate(2, 0),
                                                      Coordinate(0, 2), Coordinate(0, 0)])])
        let g = try geos.geometry(bowtie)
        let reason = try #require(g.invalidityReason)
        #expect(reason.contains("Self-intersection"))
        let repaired = try g.makeValid()
        #expect(repaired.invalidityReason == nil)
        #expect(abs(repaired.area - 2.0) < 1e-12)
        #expect(repaired.polygons().polygons.count == 2)
    }

    @Test func syntheticLayerIsValidAndGapless() throws {
        let geos = GEOSContext()
        let layer = SyntheticGridLayer(count: 100)
        let geometries = try layer.polygons.map { try geos.geometry($0) }
        for g in geometries { #expect(g.invalidityReason == nil) }
        let union = try geos.union(geometries)
        #expect(abs(union.area - geometries.reduce(0) { $0 + $1.area }) < 1e-12, "no overlaps")
        #expect(union.polygons().polygons.count == 1)
        #expect(union.polygons().polygons[0].holes.isEmpty, "no gaps")
    }
}
