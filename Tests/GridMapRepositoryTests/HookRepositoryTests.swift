import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Hooks in the store: a new hook starts after the newest outbox row, its cursor never moves
/// back and survives a reopening, a dead letter moves it past its row, a re-send is asked for and
/// recorded, and deleting a hook takes its dead letters with it.
@Suite struct HookRepositoryTests {
    static let registration = try! HookRegistration(url: "http://127.0.0.1:1/", secret: "0123456789abcdef", events: ["*"],
                                                    town: nil, channel: nil, template: nil, knownTowns: [])

    @Test func cursorsDeadLettersAndResends() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let resolvers = try HistoricalResolvers(store: store)
        let first = try store.record(.test("dispute.neighbour", at: Coordinate(119.72, 28.27)), resolvers: resolvers)
        let hook = try store.createHook(Self.registration, actor: "admin", at: "2026-03-01T08:00:00.000Z")
        #expect(hook.cursor == (try store.lastOutboxID()) && hook.topics == OutboxTopic.allCases)
        _ = try store.transition(first, to: .triaged, actor: "a", note: nil, at: "2026-03-01T09:00:00.000Z")
        let row = try #require(try store.outbox(after: hook.cursor, limit: 10).first)

        try store.advanceHook(hook.id, to: row.id)
        try store.advanceHook(hook.id, to: row.id - 1)
        #expect(try SpatiaLiteStore(path: store.path).hook(hook.id)?.cursor == row.id)

        try store.deadLetter(DeadLetter(hookID: hook.id, outboxID: row.id, topic: row.topic, eventID: row.eventID, attempts: 8,
                                        lastError: "HTTP 503", failedAt: "2026-03-01T09:05:00.000Z", state: .dead))
        #expect(try store.deadLetters(hook: hook.id, limit: 10).map(\.state) == [.dead])
        #expect(try store.resending(hook: hook.id).isEmpty)
        #expect(try store.resend(hook: hook.id, outboxID: row.id).state == .resending)
        #expect(try store.resending(hook: hook.id).map(\.outboxID) == [row.id])
        try store.resent(hook: hook.id, outboxID: row.id, attempts: 9, failure: nil, at: "2026-03-01T10:00:00.000Z")
        let letter = try #require(try store.deadLetters(hook: hook.id, limit: 10).first)
        #expect(letter.state == .delivered && letter.attempts == 9 && letter.lastError == "HTTP 503")
        #expect(throws: HookError.unknownDeadLetter(hook: hook.id, outboxID: row.id + 1)) {
            _ = try store.resend(hook: hook.id, outboxID: row.id + 1)
        }

        #expect(try store.deleteHook(hook.id))
        #expect(try !store.deleteHook(hook.id))
        #expect(try store.deadLetters(hook: hook.id, limit: 10).isEmpty && store.hooks().isEmpty)
    }
}
