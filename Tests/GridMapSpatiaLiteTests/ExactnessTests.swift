import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// The in-memory index against SpatiaLite's own answer (R*Tree SpatialIndex + ST_Covers, i.e. GEOS)
/// on more than 100,000 points, a third of them polygon vertices (on shared edges) and points
/// interpolated along edges: zero disagreements allowed.
@Suite struct ExactnessTests {
    @Test func indexAgreesWithSpatiaLiteSTCovers() throws {
        let store = try Fixtures.store(with: ["dagangtou", "ganpu"])
        let resolver = Resolver(try store.snapshot())
        var random = SplitMix64(seed: 2026)
        var points: [Coordinate] = []
        var vertices = 0
        for grid in resolver.snapshot.grids {
            for ring in grid.geometry.rings {
                points.append(contentsOf: ring.dropLast())
                vertices += ring.count - 1
                for k in 1..<ring.count {
                    let a = ring[k - 1], b = ring[k], t = random.unit()
                    points.append(Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
                }
            }
        }
        for town in resolver.snapshot.towns {
            let box = town.geometry.boundingBox!
            for _ in 0..<40_000 {
                points.append(Coordinate(box.minX - 0.01 + random.unit() * (box.width + 0.02),
                                         box.minY - 0.01 + random.unit() * (box.height + 0.02)))
            }
        }
        #expect(points.count >= 100_000)
        let bySQL = try SQLReference(store).gridsCovering(points)
        var disagreements: [String] = []
        var shared = 0, outside = 0
        for (p, expected) in zip(points, bySQL) {
            let actual = resolver.gridIndex.covering(p.x, p.y).map { resolver.grids[$0].code }
            if actual != expected { disagreements.append("\(p.x),\(p.y): SQL \(expected), index \(actual)") }
            if expected.count > 1 { shared += 1 }
            if expected.isEmpty { outside += 1 }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(5))")
        #expect(vertices > 15_000)
        #expect(shared > 10_000, "shared vertices must be covered by several grids")
        #expect(outside > 1_000, "points outside every grid must be part of the comparison")
    }

    @Test func resolutionReadsParentsFromTheHierarchy() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let resolver = Resolver(try store.snapshot())
        for grid in resolver.snapshot.grids {
            // A point certainly inside: the first vertex nudged towards the grid's vertex centroid is not
            // guaranteed inside, so use an interior point found by the index on a fine sample.
            let box = grid.geometry.boundingBox!
            var random = SplitMix64(seed: UInt64(grid.unit.code)!)
            let inside = (0..<2_000).lazy.map { _ in Coordinate(box.minX + random.unit() * box.width, box.minY + random.unit() * box.height) }
                .first { grid.geometry.locate($0) == .interior }!
            let r = resolver.resolve(inside)
            #expect(r.grid?.code == grid.unit.code)
            #expect(r.village?.code == grid.unit.parentCode)
            #expect(r.town?.code == "331102102000")
            #expect(!r.onBoundary)
            #expect(resolver.people(of: r.grid).contains { $0.role == .gridMember })
        }
    }

    @Test func sharedVertexGoesToTheLowestCode() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let resolver = Resolver(try store.snapshot())
        let grids = resolver.snapshot.grids
        let counts = Dictionary(grids.flatMap { Set($0.geometry.rings.flatMap { $0 }) }.map { ($0, 1) }, uniquingKeysWith: +)
        let shared = try #require(counts.first { $0.value >= 3 }?.key)
        let r = resolver.resolve(shared)
        #expect(r.onBoundary)
        #expect(r.candidates.count >= 3)
        #expect(r.grid?.code == r.candidates.min())
        #expect(try SQLReference(store).gridsCovering([shared]) == [r.candidates])
    }
}
