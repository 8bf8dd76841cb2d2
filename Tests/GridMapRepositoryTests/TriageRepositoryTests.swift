import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// 研判 that decides, on every backend: re-categorising, re-locating and re-routing at triage,
/// recorded before → after in the move's history row.
@Suite struct TriageRepositoryTests {
    static let at: Instant = "2026-03-01T09:00:00.000Z"

    /// A repository with dagangtou imported, and what the tests share.
    struct Subject {
        let store: any GridMapRepository
        let resolvers: HistoricalResolvers
        /// An e-bike charging report at (119.72, 28.27): 平安法治 / 应急管理站, due in 12 h.
        let ebike: Int64

        init(_ backend: Backend) throws {
            store = try backend.repository(with: ["dagangtou"])
            resolvers = try HistoricalResolvers(store: store)
            ebike = try store.record(.test("fire.ebike", at: Coordinate(119.72, 28.27)), resolvers: resolvers)
        }

        /// The event's report with another category or coordinate, located again as the server does.
        func relocated(category: String? = nil, at point: Coordinate? = nil) throws -> LocatedEvent {
            let event = try #require(try store.event(ebike))
            let report = EventReport(category: category ?? event.category, description: event.description, coordinate: point ?? event.input,
                                     crs: .wgs84, reportedAt: event.reportedAt, source: .gridMember, reporter: event.reporter)
            return try resolvers.resolver(at: event.reportedAt).locate(report)
        }
    }

    @Test(arguments: Backend.all) func reCategorisingRoutesAgainWithTheNewDeadline(_ backend: Backend) throws {
        let t = try Subject(backend)
        let event = try t.store.triage(t.ebike, relocated: try t.relocated(category: "dispute.labour"), override: nil, actor: "值班员",
                                     note: "实为欠薪纠纷", at: Self.at)
        #expect(event.status == .triaged && event.category == "dispute.labour")
        #expect(event.routing.category.code == "dispute.labour" && event.routing.office == "社会治理中心")
        #expect(event.platformCode == "PAFZ" && event.routing.assisting.map(\.code) == ["GGFW"])
        #expect(event.deadlineAt == "2026-03-03T08:00:00.000Z", "48 h from the report")
        #expect(event.routing.overriddenBy == nil)
        let row = try #require(event.history.last)
        #expect(row.to == .triaged && row.actor == "值班员")
        #expect(row.note == "实为欠薪纠纷; 研判更正: 类别 fire.ebike → dispute.labour; 单位 应急管理站 → 社会治理中心")
        let dispatched = try t.store.transition(t.ebike, to: .dispatched, actor: "值班员", note: nil, at: Self.at)
        #expect(dispatched.tasks.map(\.office) == ["社会治理中心", "便民服务中心"], "the corrected routing decides the tasks")
    }

    @Test(arguments: Backend.all) func anOverrideNamesWhoOverrodeAndWhy(_ backend: Backend) throws {
        let t = try Subject(backend)
        let overridden = try t.store.triage(t.ebike, relocated: nil, override: RoutingOverride(platform: nil, office: "派出所", reason: "涉嫌违法"),
                                          actor: "值班员", note: nil, at: Self.at)
        #expect(overridden.routing.office == "派出所" && overridden.routing.platform.code == "PAFZ")
        #expect(overridden.routing.overriddenBy == "值班员" && overridden.routing.overrideReason == "涉嫌违法")
        #expect(overridden.routing.rule == "fire", "the rule that decided before stays on record")
        #expect(overridden.history.last?.note == "研判更正: 单位 应急管理站 → 派出所; 改派理由 涉嫌违法")
        let other = try t.store.record(.test("fire.ebike", at: Coordinate(119.72, 28.27)), resolvers: t.resolvers)
        let platform = try t.store.triage(other, relocated: nil, override: RoutingOverride(platform: "GGFW", office: nil, reason: "属民生服务"),
                                        actor: "值班员", note: nil, at: Self.at)
        #expect(platform.platformCode == "GGFW" && platform.routing.office == "便民服务中心" && platform.routing.lead == "分管社会事业副镇长")
        #expect(platform.history.last?.note == "研判更正: 平台 平安法治 → 公共服务; 单位 应急管理站 → 便民服务中心; 改派理由 属民生服务")
    }

    @Test(arguments: Backend.all) func refusedDecisionsStoreNothing(_ backend: Backend) throws {
        let t = try Subject(backend)
        let refusals: [(RoutingOverride, TriageError)] = [
            (RoutingOverride(platform: nil, office: "派出所", reason: " "), .reasonRequired),
            (RoutingOverride(platform: "XXXX", office: nil, reason: "r"), .unknownPlatform("XXXX", known: ["DJTL", "JJST", "PAFZ", "GGFW"])),
            (RoutingOverride(platform: "GGFW", office: "派出所", reason: "r"),
             .unknownOffice("派出所", platform: "GGFW", known: ["便民服务中心", "社会事务办", "民政办", "卫生院"])),
            (RoutingOverride(platform: "PAFZ", office: "应急管理站", reason: "r"), .nothingChanged),
        ]
        for (override, error) in refusals {
            #expect(throws: error) {
                try t.store.triage(t.ebike, relocated: nil, override: override, actor: "值班员", note: nil, at: Self.at)
            }
        }
        #expect(try t.store.event(t.ebike)?.history.count == 1, "nothing stored")
        _ = try t.store.transition(t.ebike, to: .triaged, actor: "值班员", note: nil, at: Self.at)
        #expect(throws: EventError.illegalTransition(from: .triaged, to: .triaged)) {
            try t.store.triage(t.ebike, relocated: try t.relocated(category: "dispute.labour"), override: nil, actor: "值班员", note: nil, at: Self.at)
        }
        #expect(try t.store.event(t.ebike)?.category == "fire.ebike")
    }

    @Test(arguments: Backend.all) func reLocatingMovesTheEventToTheGridSpatiaLiteFindsAndItsPeople(_ backend: Backend) throws {
        let t = try Subject(backend)
        let moved = Coordinate(119.74, 28.29)
        let expected = try SQLReference(try Fixtures.store(with: ["dagangtou"])).gridsCovering([moved])[0]
        let before = try #require(try t.store.event(t.ebike))
        let event = try t.store.triage(t.ebike, relocated: try t.relocated(at: moved), override: nil, actor: "值班员", note: nil, at: Self.at)
        #expect(expected.count == 1 && event.gridCode == expected.first)
        #expect(event.gridCode != before.gridCode)
        #expect(event.point == moved && event.input == moved)
        #expect(event.people.contains { $0.role == .gridMember && $0.unit == expected.first }, "the new grid's member")
        #expect(event.history.last?.note?.contains("网格 \(before.gridCode!) → \(expected[0])") == true)
        #expect(event.history.last?.note?.contains("坐标 119.72,28.27 → 119.74,28.29") == true)
        var query = EventQuery()
        query.grid = expected[0]
        #expect(try t.store.events(query).map(\.id) == [t.ebike], "lists follow the corrected grid")
        let outside = AccessScope.village(try #require(before.villageCode))
        let other = try t.store.record(.test("fire.ebike", at: Coordinate(119.72, 28.27)), resolvers: t.resolvers)
        #expect(event.villageCode != before.villageCode, "the corrected point lies in another village")
        #expect(throws: ScopeError.self, "a village's dispatcher cannot move an event out of the village") {
            try t.store.triage(other, relocated: try t.relocated(at: moved), override: nil, actor: "村调度", note: nil, at: Self.at,
                             within: outside)
        }
        #expect(try t.store.event(other)?.gridCode == before.gridCode)
    }
}
