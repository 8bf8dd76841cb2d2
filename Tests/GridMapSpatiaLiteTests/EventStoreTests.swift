import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Events in the SpatiaLite store: each routed and tied to the boundary versions valid when reported
/// (read back by SQL). The loop, supervision and queries are `GridMapRepositoryTests`.
@Suite struct EventStoreTests {
    let store: SpatiaLiteStore
    let resolvers: HistoricalResolvers

    init() throws {
        store = try Fixtures.store(with: ["dagangtou"])
        resolvers = try HistoricalResolvers(store: store)
    }

    @Test func eventsAreResolvedAgainstTheBoundariesValidWhenReported() throws {
        // Move grid 331102102224006 away from the point from 2026-06-01: events before still belong to it.
        let p = Coordinate(119.72, 28.27)
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("people.csv"))  // it names the old code
        let oldCodes = try SQLReference(store).gridsCovering([p])[0]
        #expect(oldCodes == ["331102102224006"])
        try Fixtures.editFeatures(directory, "grids.geojson") { features in
            // The point's grid is renumbered: a new unit from 2026-06-01, the old one retired.
            for i in features.indices {
                var properties = features[i]["properties"] as! [String: Any]
                if properties["code"] as? String == "331102102224006" { properties["code"] = "331102102224099" }
                features[i]["properties"] = properties
            }
        }
        _ = try store.importDataset(at: directory, options: ImportOptions(validFrom: "2026-06-01"))
        // Both recorded after the change; the earlier one is routed by the boundaries of its time.
        let history = try HistoricalResolvers(store: store)
        let before = try store.record(.test("dispute", at: p, reportedAt: "2026-05-31T23:59:00.000Z"), resolvers: history)
        let after = try store.record(.test("dispute", at: p, reportedAt: "2026-06-02T00:00:00.000Z"), resolvers: history)
        #expect(try store.event(before)?.gridCode == "331102102224006")
        #expect(try store.event(after)?.gridCode == "331102102224099")
        let versions = try store.pool.read { db in
            try Int64?.fetchAll(db, sql: "SELECT grid_boundary_id FROM events ORDER BY id")
        }
        #expect(versions.count == 2 && versions.allSatisfy { $0 != nil } && versions[0] != versions[1])
    }
}
