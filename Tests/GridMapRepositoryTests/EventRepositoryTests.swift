import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// The events repository on every backend: the loop's moves, supervision, queries and pages.
@Suite struct EventRepositoryTests {
    /// A repository with dagangtou imported, and its resolvers.
    struct Subject {
        let store: any GridMapRepository
        let resolvers: HistoricalResolvers

        init(_ backend: Backend) throws {
            store = try backend.repository(with: ["dagangtou"])
            resolvers = try HistoricalResolvers(store: store)
        }

        func record(_ report: EventReport) throws -> Int64 { try store.record(report, resolvers: resolvers) }
    }

    @Test(arguments: Backend.all) func everyTransitionIsCheckedAndRecordedInOrder(_ backend: Backend) throws {
        let subject = try Subject(backend), store = subject.store
        let p = Coordinate(119.72, 28.27)
        let walk: [EventStatus] = [.triaged, .dispatched, .returned, .triaged, .dispatched, .inProgress, .resolved,
                                   .returned, .triaged, .dispatched, .inProgress, .resolved, .evaluated]
        let id = try subject.record(.test("dispute.neighbour", at: p))
        var current = EventStatus.received
        for (step, next) in walk.enumerated() {
            for illegal in EventStatus.allCases where !current.allowedNext.contains(illegal) {
                #expect(throws: EventError.illegalTransition(from: current, to: illegal)) {
                    try store.transition(id, to: illegal, actor: "x", note: nil, at: "2026-03-02T00:00:00.000Z")
                }
            }
            let at = Instant(parsing: String(format: "2026-03-01T09:%02d:00.000Z", step))!
            if next == .resolved { try store.finishTasks(of: id, at: at) }
            let event = next == .evaluated
                ? try store.evaluate(id, score: 5, satisfaction: .satisfied, remark: "step \(step)", actor: "actor \(step)", at: at)
                : try store.transition(id, to: next, actor: "actor \(step)", note: "step \(step)", at: at)
            #expect(event.status == next)
            #expect(event.closedAt == (next.isClosed ? event.closedAt : nil))
            current = next
        }
        let event = try #require(try store.event(id))
        let moves = event.history.filter { $0.task == nil }
        #expect(event.history.map(\.seq) == Array(1...event.history.count))
        #expect(moves.map(\.to) == [.received] + walk)
        #expect(moves.dropFirst().map(\.from) == [.received] + walk.dropLast())
        #expect(event.history.map(\.at) == event.history.map(\.at).sorted(), "history is in time order")
        #expect(moves.last?.actor == "actor \(walk.count - 1)")
        #expect(throws: EventError.notFound(9_999)) { try store.transition(9_999, to: .triaged, actor: "x", note: nil, at: "2026-03-02T00:00:00.000Z") }
    }

    @Test(arguments: Backend.all) func overdueEventsAreThoseUnhandledPastTheirDeadline(_ backend: Backend) throws {
        let subject = try Subject(backend), store = subject.store
        let p = Coordinate(119.72, 28.27)
        let fire = try subject.record(.test("fire.ebike", at: p))          // 12 h deadline
        _ = try subject.record(.test("party.member", at: p))               // 168 h
        let handled = try subject.record(.test("fire.ebike", at: p))
        for status in [EventStatus.triaged, .dispatched, .inProgress, .resolved] {
            if status == .resolved { try store.finishTasks(of: handled, at: "2026-03-01T09:00:00.000Z") }
            _ = try store.transition(handled, to: status, actor: "x", note: nil, at: "2026-03-01T09:00:00.000Z")
        }
        #expect(try store.event(fire)?.deadlineAt == "2026-03-01T20:00:00.000Z")
        var query = EventQuery()
        query.overdueAt = "2026-03-01T19:59:59.000Z"
        #expect(try store.events(query).isEmpty)
        query.overdueAt = "2026-03-02T00:00:00.000Z"
        #expect(try store.events(query).map(\.id) == [fire])
    }

    @Test(arguments: Backend.all) func queriesFilterAndPage(_ backend: Backend) throws {
        let subject = try Subject(backend), store = subject.store
        // SpatiaLite's own answers over the same data, in a store of its own: the oracle.
        let reference = SQLReference(try Fixtures.store(with: ["dagangtou"]))
        var random = SplitMix64(seed: 4)
        let categories = ["dispute.family", "fire.passage", "environment.water", "livelihood.road"]
        var expected: [(id: Int64, category: String, point: Coordinate, grid: String?)] = []
        for i in 0..<60 {
            let p = Coordinate(119.63 + random.unit() * 0.15, 28.23 + random.unit() * 0.08)
            let category = categories[i % categories.count]
            guard let id = try? subject.record(.test(category, at: p, reportedAt: Instant(parsing: String(format: "2026-03-%02dT08:00:00.000Z", 1 + i % 28))!))
            else { continue }  // points outside the town cannot be routed
            expected.append((id, category, p, try reference.gridsCovering([p])[0].first))
        }
        #expect(expected.count > 30)
        var query = EventQuery()
        query.category = "fire.passage"
        #expect(try store.events(query).map(\.id) == expected.filter { $0.category == "fire.passage" }.map(\.id))
        query = EventQuery()
        query.bbox = BoundingBox(minX: 119.63, minY: 28.23, maxX: 119.70, maxY: 28.27)
        #expect(try store.events(query).map(\.id) == expected.filter { query.bbox!.contains($0.point) }.map(\.id))
        query = EventQuery()
        query.from = "2026-03-10T00:00:00.000Z"
        query.to = "2026-03-20T00:00:00.000Z"
        let inPeriod = try store.events(query)
        #expect(!inPeriod.isEmpty && inPeriod.allSatisfy { $0.reportedAt >= query.from! && $0.reportedAt < query.to! })
        query = EventQuery()
        query.grid = expected[0].grid
        #expect(try store.events(query).map(\.id) == expected.filter { $0.grid == expected[0].grid }.map(\.id))
        // Pages of 7 add up to everything, in order, without repeats.
        var paged: [Int64] = []
        query = EventQuery()
        query.limit = 7
        while true {
            let page = try store.events(query)
            paged += page.map(\.id)
            guard page.count == query.limit, let last = page.last else { break }
            query.after = last.id
        }
        #expect(paged == expected.map(\.id))
    }
}
