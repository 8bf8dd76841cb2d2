import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// The web console in headless Chromium (chromium-driver, Debian's python3-selenium), driven by
/// `Tests/browser/console_test.py` as a dispatcher and a planner would use it; what the page showed
/// is checked against SpatiaLite and the store. A failing run keeps a screenshot in
/// `.build/browser-failures/`.
@Suite("Web console in a real browser")
struct BrowserTests {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../browser/console_test.py").standardized.path
    private static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/browser-failures").standardized.path

    /// A grid of the same village sharing a border (not just a corner) with `code`, and a point
    /// inside each of the two (by GEOS).
    private static func neighbour(of code: String, in snapshot: AdminSnapshot) throws -> (String, [Coordinate]) {
        let geos = GEOSContext()
        let grid = try #require(snapshot.grids.first { $0.unit.code == code })
        let shape = try geos.geometry(grid.geometry)
        let widened = try shape.buffer(1e-6)
        for other in snapshot.grids where other.unit.code != code && other.unit.parentCode == grid.unit.parentCode {
            let candidate = try geos.geometry(other.geometry)
            if try widened.intersection(candidate).polygons().planarArea > 1e-10 {
                return (other.unit.code, [try #require(shape.pointOnSurface()), try #require(candidate.pointOnSurface())])
            }
        }
        throw ExternalTool.Failure(description: "\(code) has no neighbour in its village")
    }

    @Test("locate by click and by pasted GCJ-02, create an event, heatmap, split a grid, drag a vertex, merge; no console errors")
    func console() async throws {
        let store = try Fixtures.storeWithEvents(["dagangtou", "ganpu"])
        let snapshot = try store.snapshot()
        let names = Dictionary(snapshot.grids.map { ($0.unit.code, $0.unit.name) }, uniquingKeysWith: { a, _ in a })
        let click = Coordinate(119.72, 28.27), paste = Coordinate(119.7407, 28.2921)
        // The grids SpatiaLite finds under the points (the pasted one converted from GCJ-02 first).
        let covering = try SQLReference(store).gridsCovering([click, CoordinateSystem.gcj02.toWGS84(paste)])
        let clicked = try #require(covering[0].first), pasted = try #require(covering[1].first)
        let (neighbour, insides) = try Self.neighbour(of: pasted, in: snapshot)
        let dispatcher = try store.createToken(name: "值班员", role: .dispatcher, by: .test).token
        let planner = try store.createToken(name: "规划员", role: .planner, by: .test).token
        try store.testUser("徐值班", .dispatcher)
        try store.testUser("陈规划", .planner)
        try store.testUser("王镇长", .leader)
        let extensionDay = DutyDay.beijingDate(of: Instant.now().adding(hours: 72))
        let reason = "浏览器测试：超过500户，拆分"
        let dagangtou = "331102102000"

        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), role: nil, bytes: { (_: String) in ByteBuffer() }) { call in
            let config: [String: Any] = [
                "url": "http://127.0.0.1:\(try #require(call.client.port))/", "screenshots": Self.screenshots,
                "dispatcher_token": dispatcher, "planner_token": planner,
                "dispatcher": ["徐值班", LiveServer.password], "planner": ["陈规划", LiveServer.password],
                "leader": ["王镇长", LiveServer.password], "extension_day": extensionDay, "click": [click.x, click.y], "paste": [paste.x, paste.y],
                "category": "fire.ebike", "split_grid": clicked, "drag_grid": pasted, "merge_grid": neighbour,
                "merge_points": insides.map { [$0.x, $0.y] },
                "towns": Dictionary(uniqueKeysWithValues: try snapshot.towns.map { town in
                    let box = try #require(town.geometry.boundingBox)
                    return (town.unit.code, [box.minX, box.minY, box.maxX, box.maxY])
                }),
                "town": dagangtou,
            ]
            let argument = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
            let run = try await ExternalTool.output("/usr/bin/python3", [Self.script, argument])
            let page = try JSONValue.parse(run.stdout)

            #expect(page["first_render_ms"]?.number != nil)
            // The console opens on one town, the first by code, fitted to its outline; choosing
            // another moves the view there, and a reload opens on it again.
            let codes = snapshot.towns.map(\.unit.code).sorted()
            #expect(codes.count == 2 && codes[0] != dagangtou)
            #expect(page["towns_offered"]?.array?.compactMap(\.string) == codes)
            #expect(page["initial_town"]?.string == codes[0] && page["initial_view_fits"] == .bool(true))
            #expect(page["chosen_view_fits"] == .bool(true))
            #expect(page["remembered_town"]?.string == dagangtou && page["remembered_view_fits"] == .bool(true))
            #expect((page["events_listed"]?.number ?? 0) > 0)
            #expect((page["overdue_listed"]?.number ?? 0) > 0)
            #expect(page["first_listed_overdue"] == .bool(true))
            #expect((page["fire_events_listed"]?.number ?? 0) > 0)
            #expect((page["fire_events_listed"]?.number ?? 0) < (page["events_listed"]?.number ?? 0))
            #expect(page["clicked_grid"]?.string == "\(names[clicked]!)（\(clicked)）")
            #expect((page["clicked_people"]?.number ?? 0) > 0)
            #expect(page["pasted_grid"]?.string == "\(names[pasted]!)（\(pasted)）")
            #expect(page["platform"]?.string?.hasPrefix("平安法治") == true)

            let id = Int64(try #require(page["event_id"]?.number))
            let event = try #require(try store.event(id))
            #expect(event.gridCode == pasted)
            #expect(event.crs == "gcj02")
            #expect(event.description == "浏览器测试：楼道堆放杂物")
            #expect(page["event_api_grid"]?.string == pasted)
            // An event created through the API reached the open page by its live stream, no reload.
            #expect(page["live_same_document"] == .bool(true) && (page["live_received"]?.number ?? 0) >= 1)
            #expect((page["live_event_seconds"]?.number ?? 99) < 5 && page["live_status"] == .string("实时"))
            // 督办 issued through the API flashed the banner.
            #expect(page["live_cue"]?.string?.hasPrefix("新督办：事件 #") == true)
            // The wall screen showed the API's event live; today's received per platform adds up to
            // the events reported today (Beijing) SpatiaLite holds, the screen's own included.
            let today = DutyDay.beijingDate(of: Instant.now())
            let reportedToday = try store.syncRead { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE substr(datetime(reported_at, '+8 hours'), 1, 10) = ?", arguments: [today])
            }
            #expect(page["screen_received_today"]?.number.map(Int.init) == reportedToday && (reportedToday ?? 0) >= 3)
            #expect(page["screen_coverage"]?.string?.contains("平均覆盖") == true && page["screen_errors"] == .array([]))
            // Moved along the loop from its card: triaged by 指挥室 re-routed to 派出所 (the note its
            // reason), then dispatched, which gave the offices their tasks; the lead office's
            // acceptance started the handling.
            let moved = try #require(try store.event(id))
            #expect(moved.status == .evaluated && moved.tasks.allSatisfy { $0.status == .done })
            #expect(moved.evaluations.map { ($0.score, $0.satisfaction, $0.remark, $0.actor) }.elementsEqual(
                [(4, Satisfaction.basicallySatisfied, "处理及时" as String?, "徐值班")], by: ==))
            #expect(page["evaluated_status"]?.string?.hasPrefix("考核") == true)
            #expect(page["evaluations_shown"]?.string == "基本满意 4 分（处理及时）")
            #expect(page["evaluated_offered_as_plain_move"] == .bool(false))
            #expect(page["consultations_shown"]?.string?.contains("派出所、应急管理站：先核实再派遣") == true)
            #expect(moved.consultations.map(\.decision) == ["先核实再派遣"])
            #expect(moved.routing.office == "派出所" && moved.routing.overriddenBy == "徐值班" && moved.routing.overrideReason == "属实，转派出所")
            #expect(moved.tasks.first?.office == "派出所")
            #expect(page["task_offices"]?.array?.compactMap(\.string) == moved.tasks.map(\.office))
            #expect(moved.tasks.first?.lead == true)
            #expect(page["task_form_shown"] == .bool(true))
            // 督办 from the card, answered; 延期 asked, and approved by a leader from the waiting list.
            #expect(page["light_shown"]?.string == "绿灯")
            #expect(page["leader_level_offered_to_dispatcher"] == .bool(false) && page["leader_level_offered"] == .bool(true))
            #expect(page["record_shown"]?.string?.contains("督办") == true)
            #expect(moved.supervision.records.map { [String($0.level.rawValue), $0.issuedBy, $0.reply ?? "", $0.repliedBy ?? ""] }
                    == [["2", "徐值班", "已安排民警", "徐值班"]])
            #expect(page["extension_shown"]?.string?.contains("待审批") == true)
            #expect(page["pending_shown"]?.string?.contains("#\(id)") == true)
            #expect(page["extension_decided"]?.string?.contains("已批准") == true)
            #expect(moved.supervision.extensions.map { [$0.status.rawValue, $0.reason, $0.decidedBy ?? ""] } == [["approved", "需协调消防", "王镇长"]])
            #expect(moved.supervision.extensions.first?.until == Instant(parsing: extensionDay, zone: .beijing)?.adding(hours: 24))
            #expect(page["lead_accepted_status"]?.string?.hasPrefix("处置") == true)
            #expect(page["lead_task_moves"]?.array?.compactMap(\.string) == TaskStatus.accepted.allowedNext.map(\.rawValue))
            // Signed in with a password, the page names the person; nothing is kept in its storage and
            // the cookie is out of the scripts' reach; the history names whoever moved the event.
            #expect(page["wrong_password_status"]?.string?.contains("错误") == true)
            #expect(page["whoami"]?.string == "徐值班（调度员）" && page["planner_whoami"]?.string == "陈规划（规划员）")
            #expect(page["stored_keys"]?.array?.compactMap(\.string).allSatisfy { !$0.contains("token") } == true)
            #expect(page["cookie_visible_to_script"] == .bool(false))
            #expect(event.history.first?.actor == "徐值班")
            let triage = moved.history.first { $0.to == .triaged }
            #expect(triage?.actor == "徐值班" && triage?.note?.hasPrefix("研判更正: 单位 ") == true)
            #expect(triage?.note?.hasSuffix(" → 派出所; 改派理由 属实，转派出所") == true)
            #expect(moved.history.filter { $0.task == nil }.compactMap(\.to) == [.received, .triaged, .dispatched, .inProgress, .resolved, .evaluated])
            #expect(moved.history.last?.actor == "徐值班")
            // Before signing in, the page showed the people at the click masked.
            let shown = page["anonymous_people"]?.array?.compactMap(\.string) ?? []
            #expect(!shown.isEmpty && shown.allSatisfy { $0.contains("****") }, "\(shown)")
            #expect(page["moved_status"]?.string?.hasPrefix("研判") == true && page["moved_status"]?.string?.contains("派出所（改派）") == true)
            // 挂账 is a leader's form, not a plain move.
            #expect(page["next_actions"]?.array?.compactMap(\.string) == EventStatus.triaged.allowedNext.filter { $0 != .parked }.map(\.rawValue))

            #expect(page["legend_classes"]?.number == 5)
            #expect(page["heat_status"]?.string?.hasSuffix("\(snapshot.grids.count) 个单元") == true)
            #expect(page["kde_status"]?.string?.contains("等值带") == true)
            #expect(page["hex_status"]?.string?.contains("个单元") == true)
            #expect(page["coverage_status"]?.string?.hasSuffix("\(snapshot.grids.count) 个网格") == true)
            #expect(page["gaps_status"]?.string?.contains("个盲区") == true)

            #expect(page["preview"]?.string?.contains("新建") == true)
            #expect(page["commit_status"]?.string?.hasPrefix("已提交变更 #") == true)
            let history = try store.boundaryHistory(.grid, clicked)
            #expect(history.count == 2)
            #expect(history.last?.change?.reason == reason)
            #expect(history.last?.change?.author == "陈规划", "the planner signed in, not a shared token")
            #expect(try store.snapshot().grids.contains { $0.unit.parentCode == snapshot.grids.first { $0.unit.code == clicked }?.unit.parentCode
                && !snapshot.grids.map(\.unit.code).contains($0.unit.code) })
            #expect(page["history"]?.array?.count == 2)

            // A dragged vertex previews the reshaped grid (nothing committed: the grid's one change is the merge).
            #expect((page["vertex_handles"]?.number ?? 0) >= 3)
            #expect(page["drag_preview"]?.string?.contains("改形 \(names[pasted]!)") == true, "\(page["drag_preview"]?.string ?? "")")
            #expect(try store.boundaryHistory(.grid, pasted).compactMap(\.change?.reason) == ["浏览器测试：合并"])

            // Merging the neighbour into the dragged grid retires the neighbour.
            #expect(page["merge_preview"]?.string?.contains("撤销 \(names[neighbour]!)") == true, "\(page["merge_preview"]?.string ?? "")")
            #expect(page["merge_status"]?.string?.hasPrefix("已提交变更 #") == true)
            let grids = Set(try store.snapshot().grids.map(\.unit.code))
            #expect(grids.contains(pasted) && !grids.contains(neighbour))

            #expect(page["console_errors"]?.array == [])
            #expect(page["page_errors"]?.array == [])
            // 统计: the charts drawn with the API's numbers, the ranking in the API's order, the grid scores on the map.
            #expect(page["stats_chart_closure"] == page["stats_api_closure"] && (page["stats_api_closure"]?.array?.count ?? 0) == 4,
                    "\(String(describing: page["stats_chart_closure"])) vs \(String(describing: page["stats_api_closure"]))")
            #expect(page["stats_chart_ranking"] == page["stats_api_ranking"] && (page["stats_api_ranking"]?.array?.count ?? 0) > 0)
            #expect(page["stats_charts"]?.number == 5)
            #expect(page["stats_score_grids"] == page["stats_scored_outlines"] && (page["stats_score_grids"]?.number ?? 0) > 50,
                    "every current grid outline with a score is shaded")
        }
    }
}
