import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Events in the store: routing at the time reported, the loop, history, supervision, queries.
@Suite struct EventStoreTests {
    let store: SpatiaLiteStore
    let resolvers: HistoricalResolvers

    init() throws {
        store = try Fixtures.store(with: ["dagangtou"])
        resolvers = HistoricalResolvers(store: store)
    }

    func report(_ category: String, at p: Coordinate, reportedAt: String = "2026-03-01T08:00:00.000Z") -> EventReport {
        EventReport(category: category, description: "test", coordinate: p, crs: .wgs84, reportedAt: reportedAt,
                    source: .gridMember, reporter: "网格员甲")
    }

    func record(_ report: EventReport) throws -> Int64 {
        try store.recordEvent(try resolvers.resolver(at: report.reportedAt).locate(report), actor: report.reporter,
                              at: report.reportedAt)
    }

    @Test func everyTransitionIsCheckedAndRecordedInOrder() throws {
        let p = Coordinate(119.72, 28.27)
        let walk: [EventStatus] = [.triaged, .dispatched, .returned, .triaged, .dispatched, .inProgress, .resolved,
                                   .returned, .triaged, .dispatched, .inProgress, .resolved, .evaluated]
        let id = try record(report("dispute.neighbour", at: p))
        var current = EventStatus.received
        for (step, next) in walk.enumerated() {
            for illegal in EventStatus.allCases where !current.allowedNext.contains(illegal) {
                #expect(throws: EventError.illegalTransition(from: current, to: illegal)) {
                    try store.transition(id, to: illegal, actor: "x", note: nil, at: "2026-03-02T00:00:00.000Z")
                }
            }
            let at = String(format: "2026-03-01T09:%02d:00.000Z", step)
            let event = try store.transition(id, to: next, actor: "actor \(step)", note: "step \(step)", at: at)
            #expect(event.status == next)
            #expect(event.closedAt == (next.isClosed ? event.closedAt : nil))
            current = next
        }
        let event = try #require(try store.event(id))
        #expect(event.history.map(\.seq) == Array(1...(walk.count + 1)))
        #expect(event.history.map(\.to) == [.received] + walk)
        #expect(event.history.dropFirst().map(\.from) == [.received] + walk.dropLast())
        #expect(event.history.map(\.at) == event.history.map(\.at).sorted(), "history is in time order")
        #expect(event.history.last?.actor == "actor \(walk.count - 1)")
        #expect(throws: EventError.notFound(9_999)) { try store.transition(9_999, to: .triaged, actor: "x", note: nil, at: "2026-03-02T00:00:00.000Z") }
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
        let before = try record(report("dispute", at: p, reportedAt: "2026-05-31T23:59:00.000Z"))
        let after = try record(report("dispute", at: p, reportedAt: "2026-06-02T00:00:00.000Z"))
        #expect(try store.event(before)?.gridCode == "331102102224006")
        #expect(try store.event(after)?.gridCode == "331102102224099")
        let versions = try store.pool.read { db in
            try Int64?.fetchAll(db, sql: "SELECT grid_boundary_id FROM events ORDER BY id")
        }
        #expect(versions.count == 2 && versions.allSatisfy { $0 != nil } && versions[0] != versions[1])
    }

    @Test func overdueEventsAreSupervisedOnceWithATrace() throws {
        let p = Coordinate(119.72, 28.27)
        let fire = try record(report("fire.ebike", at: p))          // 12 h deadline
        let party = try record(report("party.member", at: p))       // 168 h
        let handled = try record(report("fire.ebike", at: p))
        for status in [EventStatus.triaged, .dispatched, .inProgress, .resolved] {
            _ = try store.transition(handled, to: status, actor: "x", note: nil, at: "2026-03-01T09:00:00.000Z")
        }
        #expect(try store.event(fire)?.deadlineAt == "2026-03-01T20:00:00.000Z")
        #expect(try store.superviseOverdue(at: "2026-03-01T19:59:59.000Z") == 0)
        #expect(try store.superviseOverdue(at: "2026-03-02T00:00:00.000Z") == 1)
        #expect(try store.superviseOverdue(at: "2026-03-03T00:00:00.000Z") == 0, "flagged once")
        let flagged = try #require(try store.event(fire))
        #expect(flagged.supervised && flagged.history.last?.action == "supervised")
        #expect(try store.event(party)?.supervised == false)
        var query = EventQuery()
        query.overdueAt = "2026-03-02T00:00:00.000Z"
        #expect(try store.events(query).map(\.id) == [fire])
    }

    @Test func queriesFilterAndPage() throws {
        var random = SplitMix64(seed: 4)
        let categories = ["dispute.family", "fire.passage", "environment.water", "livelihood.road"]
        var expected: [(id: Int64, category: String, point: Coordinate, grid: String?)] = []
        for i in 0..<60 {
            let p = Coordinate(119.63 + random.unit() * 0.15, 28.23 + random.unit() * 0.08)
            let category = categories[i % categories.count]
            guard let id = try? record(report(category, at: p, reportedAt: String(format: "2026-03-%02dT08:00:00.000Z", 1 + i % 28)))
            else { continue }  // points outside the town cannot be routed
            expected.append((id, category, p, try SQLReference(store).gridsCovering([p])[0].first))
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
