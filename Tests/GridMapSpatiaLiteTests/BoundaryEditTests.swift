import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Planners' edits on 大港头镇, each result checked by SpatiaLite itself: the village still
/// exactly covered by its grids, no overlaps, history kept, open events following.
@Suite struct BoundaryEditTests {
    let store: SpatiaLiteStore
    let layout: TownLayout
    /// A village with at least four grids, and its first grid.
    let village: String
    let grid: String
    let author = EditAuthor(actor: AuditActor(name: "planner-1", role: .planner, origin: "test"), reason: "households moved")

    init() throws {
        store = try Fixtures.storeWithEvents(["dagangtou"])
        let any = try store.currentBoundaries(.grid)[0].unit.code
        let layout = try store.townLayout(of: .grid, any)
        let village = layout.villages.keys.sorted().first { layout.gridCodes(inVillage: $0).count >= 4 }!
        self.layout = layout
        self.village = village
        grid = layout.gridCodes(inVillage: village)[0]
        try store.pool.write { db in _ = try Row.fetchOne(db, sql: "SELECT InsertEpsgSrid(4549)") }
    }

    /// The grid grown by `degrees` in every direction, clipped to its village.
    func grown(_ code: String, by degrees: Double) throws -> MultiPolygon {
        let geos = GEOSContext()
        return try geos.geometry(layout.grids[code]!.geometry).buffer(degrees)
            .intersection(try geos.geometry(layout.villages[village]!.geometry)).polygons()
    }

    /// Area in m² (CGCS2000 GK zone 40, via SpatiaLite) of what SQL `expression` gives for the village.
    func squareMeters(_ expression: String) throws -> Double {
        try store.pool.read { db in
            return try Double.fetchOne(db, sql: "SELECT COALESCE(ST_Area(ST_Transform(\(expression), 4549)), 0)",
                                       arguments: ["village": village]) ?? 0
        }
    }

    static let currentGrids = "SELECT geometry FROM grid_boundaries WHERE parent_code = :village AND valid_to IS NULL"

    /// Uncovered area of the village and total pairwise overlap of its grids, by SpatiaLite.
    func coverageBySQL() throws -> (gap: Double, overlap: Double) {
        let gap = try squareMeters("""
            ST_Difference((SELECT geometry FROM village_boundaries WHERE code = :village AND valid_to IS NULL),
                          (SELECT ST_Union(geometry) FROM (\(Self.currentGrids))))
            """)
        let overlap = try store.pool.read { db in
            return try Double.fetchOne(db, sql: """
                SELECT COALESCE(SUM(ST_Area(ST_Transform(ST_Intersection(a.geometry, b.geometry), 4549))), 0)
                FROM grid_boundaries a JOIN grid_boundaries b ON a.code < b.code
                WHERE a.parent_code = :village AND b.parent_code = :village AND a.valid_to IS NULL AND b.valid_to IS NULL
                  AND ST_Intersects(a.geometry, b.geometry)
                """, arguments: ["village": village]) ?? 0
        }
        return (gap, overlap)
    }

    @Test func growingAGridTakesAreaFromItsNeighboursAndKeepsTheVillageCovered() throws {
        let before = try coverageBySQL()
        let drawn = try grown(grid, by: 0.002)
        let preview = try store.previewEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: nil))
        #expect(preview.plan.problems == [])
        let neighbours = preview.plan.changes.filter { $0.code != grid }
        #expect(!neighbours.isEmpty && neighbours.allSatisfy { $0.kind == .reshaped && $0.level == .grid })
        let revision = try store.boundaryRevision()
        let instantBefore = Instant.now()
        let commit = try store.commitEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: nil), by: author)
        #expect(try store.boundaryRevision() == revision + 1)
        let after = try coverageBySQL()
        #expect(after.gap <= before.gap + 1 && after.overlap <= 1, "gap \(after.gap) m², overlap \(after.overlap) m²")
        let stored = try squareMeters("(SELECT geometry FROM grid_boundaries WHERE code = '\(grid)' AND valid_to IS NULL)")
        let expected = try store.pool.read { db in
            return try Double.fetchOne(db, sql: "SELECT ST_Area(ST_Transform(GeomFromWKB(?, 4326), 4549))", arguments: [WKB.encode(drawn)])!
        }
        #expect(abs(stored - expected) < 1)
        // History: two versions, the second opened by the edit; the old one still answers as of before.
        let history = try store.boundaryHistory(.grid, grid)
        #expect(history.count == 2 && history[0].validTo == history[1].validFrom && history[1].validFrom == commit.at)
        #expect(history[1].change?.author == "planner-1" && history[1].change?.reason == "households moved")
        // The edit as kept with its change reads back as drawn: every digit, rings RFC 7946-wound.
        let operation = try JSONValue.parse(Data(try #require(history[1].change?.operation).utf8))
        #expect(operation["op"] == .string("redraw_grid") && operation["grid"] == .string(grid) && operation["give_to"] == .null)
        let kept = try GeoJSON.multiPolygon(operation["geometry"])
        #expect(kept.polygons.map(\.exterior.count) == drawn.polygons.map(\.exterior.count))
        #expect(Set(kept.polygons.flatMap(\.exterior).map { "\($0.x),\($0.y)" }) == Set(drawn.polygons.flatMap(\.exterior).map { "\($0.x),\($0.y)" }))
        #expect(kept.polygons.allSatisfy { $0.exterior.signedArea > 0 })
        #expect(try store.boundaryVersion(.grid, grid, asOf: instantBefore)?.geometry == layout.grids[grid]!.geometry)
        let geos = GEOSContext()
        let storedShape = try geos.geometry(try store.boundaryVersion(.grid, grid)!.geometry), drawnShape = try geos.geometry(drawn)
        #expect(try storedShape.difference(drawnShape).area + drawnShape.difference(storedShape).area < 1e-12)
        #expect(commit.tagsAfter[grid] == history[1].tag)
    }

    /// Records an event now at `point`.
    func record(at point: Coordinate) throws -> Int64 {
        let now = Instant.now()
        let report = EventReport(category: "dispute", description: "test", coordinate: point, crs: .wgs84, reportedAt: now,
                                 source: .gridMember, reporter: "网格员甲")
        return try store.recordEvent(try HistoricalResolvers(store: store).resolver(at: now).locate(report), actor: "test", at: now)
    }

    @Test func openEventsFollowTheNewBoundariesAndClosedOnesKeepTheirGrid() throws {
        let drawn = try grown(grid, by: 0.002)
        let geos = GEOSContext()
        let taken = try geos.geometry(drawn).difference(try geos.geometry(layout.grids[grid]!.geometry)).pointOnSurface()!
        let open = try record(at: taken), closed = try record(at: taken)
        for status in [EventStatus.triaged, .dispatched, .inProgress, .resolved] {
            if status == .resolved { try store.finishTasks(of: closed, at: Instant.now()) }
            _ = try store.transition(closed, to: status, actor: "test", note: nil, at: Instant.now())
        }
        let before = try store.event(closed)!
        #expect(before.gridCode != grid)
        let preview = try store.previewEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: nil))
        #expect(preview.consequences.events.map(\.id).contains(open))
        #expect(!preview.consequences.events.map(\.id).contains(closed))
        let commit = try store.commitEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: nil), by: author)
        let moved = try store.event(open)!
        #expect(moved.gridCode == grid && moved.history.last?.action == "regridded")
        #expect(moved.history.last?.note == "grid \(before.gridCode ?? "none") → \(grid) by boundary change #\(commit.changeID ?? 0)")
        let kept = try store.event(closed)!
        #expect(kept.gridCode == before.gridCode && kept.history.count == before.history.count)
        // Independently: every open event SpatiaLite finds inside the new grid is assigned to it.
        let closedStatuses = EventStatus.allCases.filter(\.isClosed).map { "'\($0.rawValue)'" }.joined(separator: ",")
        let strays = try store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM events e WHERE e.status NOT IN (\(closedStatuses)) AND COALESCE(e.grid_code, '') <> ?
                  AND ST_Covers((SELECT geometry FROM grid_boundaries WHERE code = ? AND valid_to IS NULL), MakePoint(e.lon, e.lat, 4326)) = 1
                """, arguments: [grid, grid])
        }
        #expect(strays == 0)
    }

    @Test func shrinkingAGridGivesTheAreaToItsNeighbours() throws {
        let drawn = try grown(grid, by: -0.0005)
        let gapBefore = try coverageBySQL().gap
        let automatic = try store.previewEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: nil)).plan
        #expect(automatic.changes.contains { $0.code == grid && $0.kind == .reshaped })
        // The ring given up is one piece: it all goes to the neighbour with the longest border, or to
        // the one named.
        let neighbours = layout.gridCodes(inVillage: village).filter { $0 != grid }
        for recipient in [nil] + neighbours.map(Optional.some) {
            let plan = try store.previewEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: recipient)).plan
            if plan.isValid {
                #expect(plan.changes.count == 2 && (recipient == nil || plan.changes.contains { $0.code == recipient }))
            } else {
                #expect(plan.problems.allSatisfy { ["unassigned_area", "not_contiguous"].contains($0.code) && $0.shape != nil })
            }
        }
        #expect(automatic.isValid)
        _ = try store.commitEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: nil), by: author)
        let after = try coverageBySQL()
        #expect(after.gap <= gapBefore + 1 && after.overlap <= 1)
    }

    @Test func splitThenMergeRoundTrips() throws {
        let box = layout.grids[grid]!.geometry.boundingBox!
        let midX = (box.minX + box.maxX) / 2
        let line = [Coordinate(midX, box.minY - 0.01), Coordinate(midX, box.maxY + 0.01)]
        let split = try store.commitEdit(.splitGrid(code: grid, line: line, newCode: nil, newName: "新网格"), by: author)
        let created = split.preview.plan.changes.first { $0.kind == .created }!
        #expect(created.code == layout.nextGridCode(inVillage: village) && created.after?.unit.name == "新网格")
        #expect(split.preview.consequences.unstaffedGrids == [created.code])
        #expect(try coverageBySQL().overlap <= 1)
        let halves = try store.currentBoundaries(.grid).filter { [grid, created.code].contains($0.unit.code) }
        #expect(halves.count == 2)
        let merged = try store.commitEdit(.mergeGrids(codes: [grid, created.code], into: grid, name: nil), by: author)
        #expect(merged.preview.plan.changes.first { $0.code == created.code }?.kind == .retired)
        let geos = GEOSContext()
        let restored = try geos.geometry(try store.boundaryVersion(.grid, grid)!.geometry)
        let original = try geos.geometry(layout.grids[grid]!.geometry)
        #expect(try restored.difference(original).area + original.difference(restored).area < 1e-12)
        #expect(try store.boundaryVersion(.grid, created.code) == nil)
        #expect(try store.boundaryHistory(.grid, created.code).count == 1)
        // A retired code is never issued again.
        #expect(try store.townLayout(of: .grid, grid).nextGridCode(inVillage: village) != created.code)
    }

    @Test func mergePeopleFollowTheSurvivingGrid() throws {
        let codes = layout.gridCodes(inVillage: village)
        let geos = GEOSContext()
        let first = try geos.geometry(layout.grids[codes[0]]!.geometry)
        let neighbour = try codes.dropFirst().first { code in
            try first.intersection(try geos.geometry(layout.grids[code]!.geometry).buffer(1e-7)).area > 0
        }!
        let people = try store.snapshot().people.filter { $0.unitCode == neighbour }
        let commit = try store.commitEdit(.mergeGrids(codes: [codes[0], neighbour], into: nil, name: nil), by: author)
        #expect(commit.preview.consequences.people.map(\.name) == people.map(\.name))
        #expect(try store.snapshot().people.filter { $0.unitCode == neighbour }.isEmpty)
        #expect(try store.snapshot().people.filter { $0.unitCode == codes[0] }.count >= people.count)
    }

    @Test func moveGridTransfersItsTerritoryToTheAdjacentVillage() throws {
        let geos = GEOSContext()
        let target = try layout.villages.keys.sorted().first { code in
            guard code != village else { return false }
            return try geos.geometry(layout.grids[grid]!.geometry).intersection(
                try geos.geometry(layout.villages[code]!.geometry).buffer(1e-7)).area > 0
        }
        guard let target else { return }
        let commit = try store.commitEdit(.moveGrid(code: grid, toVillage: target), by: author)
        #expect(Set(commit.preview.plan.changes.map(\.code)) == [grid, village, target])
        #expect(try store.boundaryVersion(.grid, grid)?.unit.parentCode == target)
        let history = try store.boundaryHistory(.grid, grid)
        #expect(history.map(\.unit.parentCode) == [village, target])
        #expect(try coverageBySQL().gap <= 1)
    }

    @Test func redrawingAVillageRefitsTheGridsOfEveryChangedVillage() throws {
        let geos = GEOSContext()
        let drawn = try geos.geometry(layout.villages[village]!.geometry).buffer(0.001)
            .intersection(try geos.geometry(layout.town.geometry)).polygons()
        let gapsBefore = try layout.villages.keys.map { try Self.gapBySQL(store, village: $0) }
        let commit = try store.commitEdit(.redrawVillage(code: village, geometry: drawn, giveTo: nil), by: author)
        let villages = commit.preview.plan.changes.filter { $0.level == .village }.map(\.code)
        #expect(villages.count >= 2 && villages.contains(village))
        #expect(commit.preview.plan.changes.contains { $0.level == .grid && $0.after?.unit.parentCode != village })
        for (i, code) in layout.villages.keys.enumerated() {
            #expect(try Self.gapBySQL(store, village: code) <= gapsBefore[i] + 1, "village \(code)")
        }
    }

    /// Area of a village its current grids leave uncovered, by SpatiaLite.
    static func gapBySQL(_ store: SpatiaLiteStore, village: String) throws -> Double {
        try store.pool.read { db in
            try Double.fetchOne(db, sql: """
                SELECT COALESCE(ST_Area(ST_Transform(ST_Difference(
                    (SELECT geometry FROM village_boundaries WHERE code = :village AND valid_to IS NULL),
                    (SELECT ST_Union(geometry) FROM (\(currentGrids)))), 4549)), 0)
                """, arguments: ["village": village]) ?? 0
        }
    }

    @Test func refusalsNameEachProblemWithItsGeometryAndStoreNothing() throws {
        let revision = try store.boundaryRevision()
        let box = layout.grids[grid]!.geometry.boundingBox!
        // A bow tie: self-intersecting.
        let bowTie = MultiPolygon([Polygon(exterior: [Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.maxY),
                                                      Coordinate(box.maxX, box.minY), Coordinate(box.minX, box.maxY),
                                                      Coordinate(box.minX, box.minY)])])
        let invalid = try store.previewEdit(.redrawGrid(code: grid, geometry: bowTie, giveTo: nil)).plan.problems
        #expect(invalid.map(\.code) == ["invalid_geometry"] && invalid[0].message.contains("Self-intersection"))
        // Far outside the village.
        let outside = try grown(grid, by: 0).mapCoordinates { Coordinate($0.x + 0.5, $0.y) }
        let far = try store.previewEdit(.redrawGrid(code: grid, geometry: outside, giveTo: nil)).plan.problems
        #expect(far.contains { $0.code == "outside_parent" && $0.shape != nil })
        // Too small.
        let c = Coordinate((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
        let tiny = MultiPolygon([Polygon(exterior: [c, Coordinate(c.x + 0.0002, c.y), Coordinate(c.x + 0.0002, c.y + 0.0002),
                                                    Coordinate(c.x, c.y + 0.0002), c])])
        let small = try store.previewEdit(.redrawGrid(code: grid, geometry: tiny, giveTo: nil)).plan.problems
        #expect(small.contains { $0.code == "too_small" })
        // A split line that does not cross the grid.
        let miss = try store.previewEdit(.splitGrid(code: grid, line: [Coordinate(box.minX - 1, box.minY - 1), Coordinate(box.minX - 0.5, box.minY - 1)],
                                                    newCode: nil, newName: nil)).plan.problems
        #expect(miss.map(\.code) == ["line_does_not_split"] && miss[0].shape != nil)
        // A malformed new code.
        let line = [Coordinate(c.x, box.minY - 0.01), Coordinate(c.x, box.maxY + 0.01)]
        let code = try store.previewEdit(.splitGrid(code: grid, line: line, newCode: "X1", newName: nil)).plan.problems
        #expect(code.map(\.code) == ["malformed_code"])
        // Unknown codes, stale versions, a missing reason.
        #expect(throws: UnknownUnitError.self) { try store.previewEdit(.redrawGrid(code: "999", geometry: tiny, giveTo: nil)) }
        #expect(throws: EditRejection.self) {
            try store.commitEdit(.redrawGrid(code: grid, geometry: try grown(grid, by: 0.001), giveTo: nil),
                                 by: EditAuthor(actor: author.actor, reason: "r", expectedTags: ["v999999"]))
        }
        #expect(throws: EditRejection.self) {
            try store.commitEdit(.redrawGrid(code: grid, geometry: try grown(grid, by: 0.001), giveTo: nil),
                                 by: EditAuthor(actor: author.actor, reason: " "))
        }
        #expect(throws: EditRejection.self) { try store.commitEdit(.redrawGrid(code: grid, geometry: bowTie, giveTo: nil), by: author) }
        #expect(try store.boundaryRevision() == revision)
        #expect(try store.boundaryHistory(.grid, grid).count == 1)
    }

    @Test func version7DatabasesGetEachVersionsParent() throws {
        let path = try Fixtures.scratchDirectory().appendingPathComponent("v7.sqlite").path
        let pool = try DatabasePool(path: path, configuration: SpatiaLiteConnection.configuration())
        try Schema.migrator().migrate(pool, upTo: "v7: patrol fixes, derived tracks and stops, daily coverage of grids")
        try pool.write { db in
            let square = "CastToMultiPolygon(GeomFromText('POLYGON((119 28, 119.01 28, 119.01 28.01, 119 28.01, 119 28))', 4326))"
            try db.execute(sql: """
                INSERT INTO datasets VALUES ('d', 'x', '2025-01-01T00:00:00.000Z');
                INSERT INTO towns (code, name, dataset) VALUES ('330000001000', '镇', 'd');
                INSERT INTO villages (code, name, town_code, dataset) VALUES ('330000001001', '村', '330000001000', 'd');
                INSERT INTO grids (code, name, village_code, dataset) VALUES ('330000001001001', '网格', '330000001001', 'd');
                INSERT INTO town_boundaries (code, valid_from, geometry) VALUES ('330000001000', '2025-01-01T00:00:00.000Z', \(square));
                INSERT INTO village_boundaries (code, valid_from, geometry) VALUES ('330000001001', '2025-01-01T00:00:00.000Z', \(square));
                INSERT INTO grid_boundaries (code, valid_from, geometry) VALUES ('330000001001001', '2025-01-01T00:00:00.000Z', \(square));
                """)
        }
        try pool.close()
        let store = try SpatiaLiteStore(path: path)
        #expect(try store.boundaryVersion(.grid, "330000001001001")?.unit.parentCode == "330000001001")
        #expect(try store.boundaryVersion(.village, "330000001001")?.unit.parentCode == "330000001000")
        #expect(try store.snapshot().grids.map(\.unit.parentCode) == ["330000001001"])
    }
}
