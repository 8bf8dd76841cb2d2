import Foundation
import GridMapCore
import GridMapGeometry
@testable import GridMapServer
import GridMapTestSupport
import Testing

/// The served state (``ServedStateHolder``): one value per pair of revisions, kept while the
/// store stays, rebuilt only for what moved; `latest` never reads the store.
@Suite struct ServedStateTests {
    @Test func anEventMovesOnlyTheEventsView() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let served = try ServedStateHolder(store: store)
        let first = try served.current()
        let again = try served.current()
        #expect(again.boundaries === first.boundaries && again.events === first.events)
        let before = try first.events.facts().ids
        let id = try store.record(.test("dispute.neighbour", at: Coordinate(119.72, 28.27)), resolvers: first.boundaries.history)

        #expect(served.latest.events === first.events)
        let next = try served.current()
        #expect(next.boundaries === first.boundaries)
        #expect(next.events !== first.events)
        #expect(try next.events.revision == store.eventsRevision())
        #expect(Set(try next.events.facts().ids) == Set(before + [id]))
        #expect(try first.events.facts().ids == before)
        #expect(served.latest.events === next.events)
    }

    @Test func anEditRebuildsTheBoundaryView() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let served = try ServedStateHolder(store: store)
        let first = try served.current()
        let growth = try GrownGrid(in: store)
        let areaBefore = try #require(try first.boundaries.areas(.grid)[growth.code])
        _ = try store.commitEdit(growth.edit, by: GrownGrid.author("grown by a metre"))

        #expect(served.latest.boundaries === first.boundaries)
        let next = try served.current()
        #expect(next.boundaries.revision == first.boundaries.revision + 1)
        #expect(next.boundaries.revision == (try store.boundaryRevision()))
        #expect(next.boundaries.history.revision == next.boundaries.revision)
        let geos = GEOSContext()
        let redrawn = try #require(next.boundaries.snapshot.grids.first { $0.unit.code == growth.code })
        #expect(abs(try geos.geometry(redrawn.geometry).area - (try geos.geometry(growth.grown).area)) < 1e-12)
        // Areas belong to their view: the old one keeps its answer, the new one has the grown grid's.
        #expect(try first.boundaries.areas(.grid)[growth.code] == areaBefore)
        #expect(try #require(try next.boundaries.areas(.grid)[growth.code]) > areaBefore)
        #expect(served.resolver.snapshot.revision == next.boundaries.revision)
    }
}
