import Testing
@testable import GridMapGeometry

/// The index against the full-scan reference (GEOS's ray-crossing rules over every edge).
/// The comparison with GEOS itself and SpatiaLite's ST_Covers lives in GridMapSpatiaLiteTests.
@Suite struct PolygonIndexTests {
    static let layer = SyntheticGridLayer(count: 400)
    static let index = PolygonIndex(layer.polygons)

    /// Test points: random ones, every vertex (all on shared edges), and points just off edges.
    static func probePoints(_ layer: SyntheticGridLayer, random count: Int, seed: UInt64 = 7) -> [Coordinate] {
        var random = SplitMix64(seed: seed)
        let box = layer.polygons.compactMap(\.boundingBox).reduce(layer.polygons[0].boundingBox!) { $0.union($1) }
        var points: [Coordinate] = (0..<count).map { _ in
            Coordinate(box.minX - 0.01 + random.unit() * (box.width + 0.02),
                       box.minY - 0.01 + random.unit() * (box.height + 0.02))
        }
        for polygon in layer.polygons {
            let ring = polygon.polygons[0].exterior
            points.append(contentsOf: ring)
            for k in stride(from: 1, to: ring.count, by: 3) {
                let a = ring[k - 1], b = ring[k], t = random.unit()
                points.append(Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
            }
        }
        return points
    }

    @Test func indexAgreesWithFullScanEverywhere() {
        let points = Self.probePoints(Self.layer, random: 50_000)
        var disagreements: [String] = []
        var onShared = 0
        let boxes = Self.layer.polygons.map { $0.boundingBox! }
        for p in points {
            let expected = boxes.indices.filter { boxes[$0].contains(p) && Self.layer.polygons[$0].covers(p) }
            let actual = Self.index.covering(p.x, p.y)
            if expected != actual { disagreements.append("\(p): expected \(expected), got \(actual)") }
            if actual.count > 1 { onShared += 1 }
        }
        #expect(points.count > 100_000)
        #expect(onShared > 10_000, "vertices on shared edges must be covered by several cells")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func batchLookupEqualsSingleLookups() {
        var points = Self.probePoints(Self.layer, random: 20_000, seed: 11)
        points.append(Coordinate(.nan, 28.05))  // not in any cell: must not disturb its block
        let interleaved = points.flatMap { [$0.x, $0.y] }
        var batch = [PolygonIndex.Lookup](repeating: .init(first: -1, count: -1), count: points.count)
        var order: [Int] = []
        interleaved.withUnsafeBufferPointer { xy in
            Self.index.lookupAll(interleaved: xy) { i, hit in
                batch[i] = hit
                order.append(i)
            }
        }
        #expect(order == Array(points.indices), "answers must come once each, in input order")
        let mismatches = points.indices.filter { batch[$0] != Self.index.lookup(points[$0].x, points[$0].y) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { points[$0] })")
        #expect(batch.contains { $0.count > 1 }, "probe points must include shared edges")
    }

    @Test func layerIsAnExactCoverage() {
        // Every interior vertex of the lattice is shared; a point inside the extent is in exactly one cell
        // unless it is on an edge.
        var random = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let p = Coordinate(119.5 + 0.001 + random.unit() * 0.09, 28.0 + 0.001 + random.unit() * 0.09)
            #expect(Self.index.lookup(p.x, p.y).count >= 1)
        }
    }

    @Test func outsideTheExtentNothingCovers() {
        #expect(Self.index.lookup(100, 20) == .init(first: nil, count: 0))
        #expect(Self.index.lookup(.nan, 28.05).count == 0)
    }

    @Test func holesAndMultiPolygons() {
        let square = { (x: Double, y: Double, s: Double) -> Ring in
            [Coordinate(x, y), Coordinate(x + s, y), Coordinate(x + s, y + s), Coordinate(x, y + s), Coordinate(x, y)]
        }
        let withHole = MultiPolygon([Polygon(exterior: square(0, 0, 10), holes: [square(4, 4, 2)]),
                                     Polygon(exterior: square(20, 0, 5))])
        let index = PolygonIndex([withHole], cellsPerVertex: 4)
        #expect(index.lookup(1, 1).count == 1)
        #expect(index.lookup(5, 5).count == 0, "inside the hole")
        #expect(index.lookup(4, 5).count == 1, "on the hole's edge: covered")
        #expect(index.lookup(22, 2).count == 1, "second part")
        #expect(index.lookup(15, 2).count == 0, "between parts")
        #expect(index.lookup(25, 5).count == 1, "corner of second part")
    }
}
