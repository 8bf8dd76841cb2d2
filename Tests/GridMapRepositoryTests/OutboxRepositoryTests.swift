import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// The outbox: one row per live change, in commit order, none for a refused move, kept across a
/// reopening of the store, and ids never reused.
@Suite struct OutboxRepositoryTests {
    @Test func changesAreKeptInOrderAcrossARestart() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let resolvers = try HistoricalResolvers(store: store)
        let first = try store.record(.test("dispute.neighbour", at: Coordinate(119.72, 28.27)), resolvers: resolvers)
        let second = try store.record(.test("dispute.neighbour", at: Coordinate(119.72, 28.27)), resolvers: resolvers)
        _ = try store.transition(first, to: .triaged, actor: "a", note: nil, at: "2026-03-01T09:00:00.000Z")
        #expect(throws: EventError.self) { _ = try store.transition(second, to: .resolved, actor: "a", note: nil, at: "2026-03-01T09:01:00.000Z") }
        _ = try store.transition(first, to: .escalated, actor: "a", note: "跨镇", at: "2026-03-01T09:02:00.000Z")
        let before = try store.outbox(after: 0, limit: 100)
        #expect(before.map(\.topic) == [.eventCreated, .eventCreated, .eventTriaged, .eventEscalated])
        #expect(before.map(\.eventID) == [first, second, first, first])
        #expect(before.map(\.id) == before.map(\.id).sorted() && Set(before.map(\.id)).count == 4)

        let reopened = try SpatiaLiteStore(path: store.path)
        #expect(try reopened.outbox(after: 0, limit: 100) == before)
        #expect(try reopened.lastOutboxID() == before.last?.id)
        _ = try reopened.transition(second, to: .triaged, actor: "b", note: nil, at: "2026-03-01T10:00:00.000Z")
        let after = try reopened.outbox(after: before.last!.id, limit: 100)
        #expect(after.count == 1 && after[0].id > before.last!.id && after[0].eventID == second)
        // The history entry each row names is the change it reports.
        let event = try #require(try reopened.event(first))
        #expect(before.filter { $0.eventID == first }.map { row in event.history.first { $0.seq == row.seq }?.to } == [.received, .triaged, .escalated])
    }
}
