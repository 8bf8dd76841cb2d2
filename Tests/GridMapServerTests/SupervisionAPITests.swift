import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// 督办 over HTTP on loopback with the server's clock set by the test: lights, the periodic
/// sweep's 催办, 督办 and its answer, 延期 approved by a leader, 挂账, and the loop's statistics,
/// checked against the rows SpatiaLite holds. Times follow dagangtou's rules (triage 2 h, yellow at 80 %).
@Suite struct SupervisionAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    /// A clock the test moves.
    final class TestClock: Sendable {
        private let instant: Mutex<Instant>
        init(_ start: Instant) { instant = Mutex(start) }
        func set(_ to: Instant) { instant.withLock { $0 = to } }
        var clock: ServerClock { ServerClock { [self] in instant.withLock { $0 } } }
    }

    static let labour = #"{"category":"dispute.labour","description":"欠薪","lon":119.72,"lat":28.27,"source":"hotline_12345","reporter":"张三 13900001111"}"#

    /// Waits (up to 5 s) for the sweep to bring event `id` to `level`; its supervision.
    static func awaitLevel(_ level: Int, of id: Int, _ send: LiveServer.Call<String>) async throws -> JSONValue {
        for _ in 0..<100 {
            let (_, event) = try await send(.get, "/v1/events/\(id)", nil)
            if let supervision = event["supervision"], supervision["level"]?.number == Double(level) { return supervision }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the sweep never reached level \(level)")
        return .null
    }

    @Test func theSweepUrgesAndTheCommandRoomSupervisesALeaderExtendsAndParks() async throws {
        let time = TestClock("2026-03-01T08:00:00.000Z")
        let leader = try store.createToken(name: "镇长", role: .leader, by: .test).token
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), clock: time.clock, sweepInterval: .milliseconds(50),
                                 bytes: { ByteBuffer(string: $0) }) { send in
            let (_, created) = try await send(.post, "/v1/events", Self.labour)
            let id = Int(try #require(created["id"]?.number))
            let fresh = try #require(created["supervision"])
            #expect(fresh["level"] == .number(0) && fresh["light"] == .string("green") && fresh["stage"] == .string("triage"))
            #expect(fresh["warn_at"] == .string("2026-03-01T09:36:00.000Z") && fresh["due_at"] == .string("2026-03-01T10:00:00.000Z"))

            time.set("2026-03-01T09:40:00.000Z")
            let (_, yellow) = try await send(.get, "/v1/events?light=yellow", nil)
            #expect(yellow["events"]?.array?.compactMap { $0["id"]?.number } == [Double(id)])
            let (_, green) = try await send(.get, "/v1/events?light=green", nil)
            #expect(green["events"]?.array?.isEmpty == true)
            let (badLight, _) = try await send(.get, "/v1/events?light=purple", nil)
            #expect(badLight == .badRequest)

            time.set("2026-03-01T10:00:00.000Z")
            let urged = try await Self.awaitLevel(1, of: id, send)
            #expect(urged["light"] == .string("red"))
            let notice = try #require(urged["records"]?.array?.first)
            #expect(notice["level"] == .number(1) && notice["office"] == .string("社会治理中心") && notice["issued_by"] == .string("system"))
            #expect(try storedRecords(id) == [["1", "system", "社会治理中心"]])

            let (notLeader, _) = try await send(.post, "/v1/events/\(id)/supervisions", #"{"level":3}"#)
            #expect(notLeader == .forbidden)
            let (badLevel, _) = try await send(.post, "/v1/events/\(id)/supervisions", #"{"level":1}"#)
            #expect(badLevel == .badRequest)
            let (issued, order) = try await send(.post, "/v1/events/\(id)/supervisions", #"{"level":2,"note":"请今日内处置"}"#)
            #expect(issued == .created && order["awaits_reply"] == .bool(true))
            let orderID = Int(try #require(order["id"]?.number))
            let (again, refused) = try await send(.post, "/v1/events/\(id)/supervisions", #"{"level":2}"#)
            #expect(again == .conflict && refused["error"] == .string("already_supervised"))
            let (answered, reply) = try await send(.post, "/v1/events/\(id)/supervisions/\(orderID)/reply", #"{"reply":"已约谈企业"}"#)
            #expect(answered == .ok && reply["reply"] == .string("已约谈企业") && reply["awaits_reply"] == .bool(false))
            let (twice, _) = try await send(.post, "/v1/events/\(id)/supervisions/\(orderID)/reply", #"{"reply":"x"}"#)
            #expect(twice == .conflict)
            let noticeID = Int(try #require(notice["id"]?.number))
            let (toNotice, _) = try await send(.post, "/v1/events/\(id)/supervisions/\(noticeID)/reply", #"{"reply":"x"}"#)
            #expect(toNotice == .conflict)
            let (unknown, _) = try await send(.post, "/v1/events/\(id)/supervisions/99999/reply", #"{"reply":"x"}"#)
            #expect(unknown == .notFound)
            let (level3, _) = try await send(.post, "/v1/events/\(id)/supervisions", #"{"level":3,"note":"镇长督办"}"#, token: leader)
            #expect(level3 == .created)

            let (early, _) = try await send(.post, "/v1/events/\(id)/extensions", #"{"until":"2026-03-01T09:00:00Z","reason":"x"}"#)
            #expect(early == .badRequest)
            let (asked, request) = try await send(.post, "/v1/events/\(id)/extensions", #"{"until":"2026-03-02","reason":"需协调劳动监察"}"#)
            #expect(asked == .created && request["status"] == .string("pending") && request["until"] == .string("2026-03-02T16:00:00.000Z"))
            let extensionID = Int(try #require(request["id"]?.number))
            // The moves each reader is offered, as the server would take them.
            let (_, forDispatcher) = try await send(.get, "/v1/events/\(id)/supervision", nil)
            #expect(forDispatcher["supervision"]?["actions"] == .array([.string("reply")]),
                    "领导督办 waits for its answer (no 督办 below it), an extension is pending")
            let (_, forLeader) = try await send(.get, "/v1/events/\(id)/supervision", nil, token: leader)
            #expect(forLeader["supervision"]?["actions"] == .array([.string("decide_extension")]))
            let (_, waiting) = try await send(.get, "/v1/extensions", nil, token: leader)
            #expect(waiting["extensions"]?.array?.compactMap { $0["id"]?.number } == [Double(extensionID)])
            let (byDispatcher, _) = try await send(.post, "/v1/events/\(id)/extensions/\(extensionID)/decision", #"{"approve":true}"#)
            #expect(byDispatcher == .forbidden)
            time.set("2026-03-01T10:05:00.000Z")
            let (decided, approval) = try await send(.post, "/v1/events/\(id)/extensions/\(extensionID)/decision",
                                                     #"{"approve":true,"note":"同意"}"#, token: leader)
            #expect(decided == .ok && approval["status"] == .string("approved"))
            let (_, extended) = try await send(.get, "/v1/events/\(id)", nil)
            #expect(extended["supervision"]?["light"] == .string("green"))
            #expect(extended["supervision"]?["due_at"] == .string("2026-03-02T16:00:00.000Z"))
            #expect(try store.syncRead { db in
                try String.fetchOne(db, sql: "SELECT due_at FROM event_stages WHERE event_id = ? AND ended_at IS NULL", arguments: [id])
            } == "2026-03-02T16:00:00.000Z")

            let (fromReceived, _) = try await send(.post, "/v1/events/\(id)/parking", #"{"reason":"待协调","review_on":"2026-03-10"}"#,
                                                   token: leader)
            #expect(fromReceived == .conflict, "挂账 follows 研判")
            let (triaged, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged"}"#)
            #expect(triaged == .ok)
            let (plain, parkRefusal) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"parked"}"#)
            #expect(plain == .badRequest && parkRefusal["error"] == .string("parking_required"))
            let (notApproved, _) = try await send(.post, "/v1/events/\(id)/parking", #"{"reason":"待协调","review_on":"2026-03-10"}"#)
            #expect(notApproved == .forbidden)
            time.set("2026-03-01T10:10:00.000Z")
            let (parkedStatus, parked) = try await send(.post, "/v1/events/\(id)/parking", #"{"reason":"待协调","review_on":"2026-03-10"}"#,
                                                        token: leader)
            #expect(parkedStatus == .ok && parked["status"] == .string("parked") && parked["supervision"]?["stage"] == .string("parked"))

            time.set("2026-03-09T00:00:00.000Z")
            let (_, overdue) = try await send(.get, "/v1/events?overdue=true", nil)
            #expect(overdue["events"]?.array?.isEmpty == true, "parked events are not overdue")
            let (_, stats) = try await send(.get, "/v1/stats?by=town", nil)
            #expect(stats["groups"]?.array?.first?["parked"] == .number(1) && stats["groups"]?.array?.first?["overdue"] == .number(0))
            let loop = try #require(stats["loop"])
            #expect(loop["supervisions"] == .object(["1": .number(1), "2": .number(1), "3": .number(1)]))
            #expect(loop["extensions"]?["approved"] == .number(1) && loop["parked"] == .number(1) && loop["parked_now"] == .number(1))
            #expect(loop["stages"]?.array?.first == .object(["stage": .string("triage"), "name": .string("研判流转"), "ended": .number(1),
                                                             "on_time": .number(1), "on_time_rate": .number(1)]))

            // Masked for a caller without view_personal: notes and names.
            let (_, anonymous) = try await send(.get, "/v1/events/\(id)/supervision", nil, token: nil)
            let records = try #require(anonymous["supervision"]?["records"]?.array)
            #expect(records.count == 3 && records.allSatisfy { $0["note"] == .null })
            #expect(records.last?["issued_by"] == .string("镇*"))
        }
    }

    /// Supervision rows as SpatiaLite holds them: (level, issued_by, office).
    func storedRecords(_ event: Int) throws -> [[String]] {
        try store.syncRead { db in
            try Row.fetchAll(db, sql: "SELECT level, issued_by, office FROM event_supervisions WHERE event_id = ? ORDER BY id",
                             arguments: [event]).map { [String($0["level"] as Int), $0["issued_by"], $0["office"]] }
        }
    }
}
