import Foundation
@testable import GridMapGeometry
import Testing

/// The nearest-grid search against an independent path: PROJ projects the polygons and the point,
/// GEOS measures the distances, and the smallest one is the answer.
@Suite struct NearestPolygonIndexTests {
    @Test func projectionMatchesPROJ() throws {
        for meridian in [117, 120, 123] {
            let zone = GaussKrugerZone(longitude: Double(meridian))
            let proj = try MetricProjection(zone: zone), series = TransverseMercator(zone: zone)
            var random = SplitMix64(seed: UInt64(meridian))
            var worst = 0.0
            for _ in 0..<2_000 {
                let c = Coordinate(Double(meridian) - 3 + 6 * random.unit(), 18 + 36 * random.unit())
                let a = proj.forward(c), b = series.forward(c.x, c.y)
                worst = max(worst, abs(a.x - b.x), abs(a.y - b.y))
            }
            #expect(worst < 0.001, "zone \(meridian): \(worst) m from PROJ")
        }
        let far = TransverseMercator(zone: GaussKrugerZone(longitude: 120)).forward(-60, 89.9999999)
        #expect(far.x.isFinite && far.y.isFinite, "the far side of the globe is clamped, not NaN")
    }

    /// 2,000 grids with every seventh dropped (gaps inside), points 20–40 km out all around and
    /// points in the gaps: the grid found is the one GEOS finds nearest (the lowest on a tie), and
    /// its distance agrees to a millimetre.
    @Test func nearestIsTheSmallestGaussKrugerDistance() throws {
        let layer = SyntheticGridLayer(count: 2_000)
        let dropped = layer.polygons.indices.filter { $0 % 7 == 3 }
        let polygons = layer.polygons.indices.filter { $0 % 7 != 3 }.map { layer.polygons[$0] }
        let zone = GaussKrugerZone(longitude: 119.6)
        let index = NearestPolygonIndex(polygons, zone: zone)
        let proj = try MetricProjection(zone: zone)
        let geos = GEOSContext()
        let shapes = try polygons.map { try geos.geometry($0, transform: proj.forward) }
        let box = try #require(polygons.compactMap(\.boundingBox).reduce(polygons[0].boundingBox) { $0?.union($1) })
        let centre = Coordinate((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
        var random = SplitMix64(seed: 11)
        var points: [Coordinate] = (0..<700).map { _ in
            let angle = random.unit() * 2 * .pi, kilometres = 20 + 20 * random.unit()
            let dx = cos(angle) * (box.width / 2 + kilometres / 98), dy = sin(angle) * (box.height / 2 + kilometres / 111)
            return Coordinate(centre.x + dx, centre.y + dy)
        }
        points += dropped.prefix(100).map { layer.polygons[$0].polygons[0].exterior.dropLast().centroid }
        for p in points {
            let q = try geos.point(proj.forward(p))
            let distances = shapes.map { $0.distance(q) }
            let minimum = try #require(distances.min())
            let found = try #require(index.nearest(p.x, p.y))
            #expect(abs(found.meters - minimum) <= 0.001, "\(p): \(found.meters) m, GEOS \(minimum) m")
            let nearest = distances.firstIndex { $0 <= minimum * (1 + 1e-9) }
            #expect(found.polygon == nearest, "\(p): grid \(found.polygon) at \(distances[found.polygon]) m, GEOS: \(nearest ?? -1) at \(minimum) m")
        }
    }

    @Test func tiesGoToTheLowestId() throws {
        // Two cells sharing the edge x = 119.6137: south of the shared vertex both are equally far,
        // though the two distances are computed from different segments and may round differently.
        let west = MultiPolygon([Polygon(exterior: [Coordinate(119.6031, 28.1043), Coordinate(119.6137, 28.1043),
            Coordinate(119.6137, 28.1129), Coordinate(119.6031, 28.1129), Coordinate(119.6031, 28.1043)])])
        let east = MultiPolygon([Polygon(exterior: [Coordinate(119.6137, 28.1043), Coordinate(119.6251, 28.1043),
            Coordinate(119.6251, 28.1129), Coordinate(119.6137, 28.1129), Coordinate(119.6137, 28.1043)])])
        for layer in [[west, east], [east, west]] {
            let index = NearestPolygonIndex(layer, zone: GaussKrugerZone(longitude: 119.6))
            for step in 1...200 {
                let found = try #require(index.nearest(119.6137, 28.1043 - Double(step) * 0.0000731))
                #expect(found.polygon == 0, "step \(step): equally near both, the lowest id must win")
            }
        }
    }

    /// Two unit squares side by side share x = 1: that segment is inside their union whichever way
    /// each ring runs; a duplicate square on the same side, or a segment that only nearly matches,
    /// is kept.
    @Test func sharedSegmentsAreThoseWithAPolygonOnEachSide() {
        func ring(_ points: [(Double, Double)]) -> [Double] { points.flatMap { [$0.0, $0.1] } }
        let west: [(Double, Double)] = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]  // counter-clockwise
        let eastClockwise: [(Double, Double)] = [(1, 0), (1, 1), (2, 1), (2, 0), (1, 0)]
        func inside(_ rings: [[(Double, Double)]]) -> [Int] {
            var degrees: [Double] = [], described: [SharedSegments.Ring] = []
            for (i, r) in rings.enumerated() {
                described.append(SharedSegments.Ring(vertices: (degrees.count / 2)..<(degrees.count / 2 + r.count), polygon: Int32(i), isHole: false))
                degrees += ring(r)
            }
            let flags = SharedSegments.inside(degrees, rings: described)
            return flags.indices.filter { flags[$0] }
        }
        #expect(inside([west, eastClockwise]) == [1, 5], "west's (1,0)→(1,1) and east's (1,0)→(1,1), its interior on the other side")
        #expect(inside([west, west]).isEmpty, "the same square twice: every segment has both on one side")
        let edge = 1.0 + 1e-12
        let nearly: [(Double, Double)] = [(edge, 0), (edge, 1), (2, 1), (2, 0), (edge, 0)]
        #expect(inside([west, nearly]).isEmpty)
    }

    @Test func holesEmptyPolygonsAndEmptyLayers() throws {
        let square = { (x: Double, y: Double, s: Double) -> Ring in
            [Coordinate(x, y), Coordinate(x + s, y), Coordinate(x + s, y + s), Coordinate(x, y + s), Coordinate(x, y)]
        }
        // A 0.1° square with a 0.02° hole in its middle; a point at the hole's centre is 0.01° from it.
        let withHole = MultiPolygon([Polygon(exterior: square(120, 30, 0.1), holes: [square(120.04, 30.04, 0.02)])])
        let index = NearestPolygonIndex([MultiPolygon([]), withHole], zone: GaussKrugerZone(longitude: 120))
        let found = try #require(index.nearest(120.05, 30.05))
        #expect(found.polygon == 1)
        #expect(abs(found.meters - 0.01 * 96_300) < 500, "\(found.meters) m to the hole's edge")
        #expect(NearestPolygonIndex([], zone: GaussKrugerZone(longitude: 120)).nearest(120, 30) == nil)
    }
}

private extension ArraySlice<Coordinate> {
    var centroid: Coordinate {
        Coordinate(map(\.x).reduce(0, +) / Double(count), map(\.y).reduce(0, +) / Double(count))
    }
}
