import Foundation
import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// ``HistoricalResolvers`` on every backend: a view of history at the revision it was made at.
@Suite struct HistoricalResolversTests {
    @Test(arguments: Backend.all) func aViewOfHistoryAtOneRevision(_ backend: Backend) throws {
        let store = try backend.repository(with: ["dagangtou"])
        let growth = try GrownGrid(in: store)
        let earlier = try HistoricalResolvers(store: store)
        let beforeEdit = Instant.now()
        #expect(try earlier.resolver(at: beforeEdit).snapshot.revision == earlier.revision)
        Thread.sleep(forTimeInterval: 0.005)
        _ = try store.commitEdit(growth.edit, by: GrownGrid.author("grown by a metre"))
        Thread.sleep(forTimeInterval: 0.005)
        let afterEdit = Instant.now()

        // The earlier view keeps what it had looked up for the open period.
        #expect(try earlier.resolver(at: afterEdit).snapshot.revision == earlier.revision)
        let later = try HistoricalResolvers(store: store)
        #expect(later.revision == earlier.revision + 1)
        let geos = GEOSContext()
        func area(at instant: Instant) throws -> Double {
            let grid = try #require(try later.resolver(at: instant).snapshot.grids.first { $0.unit.code == growth.code })
            return try geos.geometry(grid.geometry).area
        }
        #expect(abs(try area(at: beforeEdit) - (try geos.geometry(growth.original).area)) < 1e-12)
        #expect(abs(try area(at: afterEdit) - (try geos.geometry(growth.grown).area)) < 1e-12)
        #expect(try later.resolver(at: afterEdit).snapshot.revision == later.revision)
    }
}
