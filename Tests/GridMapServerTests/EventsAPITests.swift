import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Events over HTTP on loopback.
@Suite struct EventsAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func withServer(_ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, bytes: { ByteBuffer(string: $0) }, body)
    }

    static let valid = #"{"category":"fire.ebike","description":"楼道充电","lon":119.72,"lat":28.27,"source":"grid_member","reporter":"徐静","reported_at":"2026-03-01T08:00:00+08:00"}"#

    @Test func anEventIsReceivedRoutedAndFollowed() async throws {
        try await withServer { send in
            let (status, event) = try await send(.post, "/v1/events", Self.valid)
            #expect(status == .created)
            #expect(event["grid"] == .string(try SQLReference(store).gridsCovering([Coordinate(119.72, 28.27)])[0][0]))
            #expect(event["routing"]?["platform"]?["code"] == .string("PAFZ"))
            #expect(event["routing"]?["office"] == .string("应急管理站"))
            #expect(event["reported_at"] == .string("2026-03-01T00:00:00.000Z"))
            #expect(event["deadline_at"] == .string("2026-03-01T12:00:00.000Z"))
            #expect(event["people"]?.array?.first?["role"] == .string("网格员"))
            let id = Int(try #require(event["id"]?.number))
            // The routing and people recorded with the event, as SpatiaLite holds them.
            let (routing, people) = try await store.pool.read { db in
                let row = try #require(try Row.fetchOne(db, sql: """
                    SELECT r.json AS routing, p.json AS people FROM events e JOIN event_snapshots r ON r.id = e.routing_id
                    JOIN event_snapshots p ON p.id = e.people_id WHERE e.id = ?
                    """, arguments: [id]))
                return (try JSONValue.parse(Data((row["routing"] as String).utf8)), try JSONValue.parse(Data((row["people"] as String).utf8)))
            }
            #expect(event["routing"] == routing && event["people"] == people)
            #expect(event["duty_leader"] == .null)

            let (conflict, refused) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"resolved","actor":"x"}"#)
            #expect(conflict == .conflict)
            #expect(refused["allowed"] == .array([.string("triaged")]))
            let (ok, triaged) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged","actor":"值班员","note":"属实"}"#)
            #expect(ok == .ok && triaged["status"] == .string("triaged"))
            #expect(triaged["status_name"] == .string("研判") && triaged["allowed_next"] == .array([.string("dispatched"), .string("parked"), .string("escalated")]))
            #expect(triaged["history"]?.array?.last?["note"] == .string("属实"))

            let (_, page) = try await send(.get, "/v1/events?format=geojson&status=triaged", nil)
            #expect(page["type"] == .string("FeatureCollection"))
            #expect(page["features"]?.array?.first?["geometry"]?["coordinates"] == .array([.number(119.72), .number(28.27)]))
            let (missing, _) = try await send(.get, "/v1/events/999", nil)
            #expect(missing == .notFound)

            let (_, stats) = try await send(.get, "/v1/stats?by=platform&from=2026-02-01&to=2026-04-01", nil)
            #expect(stats["groups"] == .array([.object([
                "key": .string("PAFZ"), "received": .number(1), "closed": .number(0), "closure_rate": .number(0),
                "median_hours": .null, "p90_hours": .null, "overdue": .number(1), "parked": .number(0), "escalated": .number(0),
            ])]))
            let (badBy, _) = try await send(.get, "/v1/stats?by=county", nil)
            #expect(badBy == .badRequest)
        }
    }

    /// The loop's vocabulary as the glossary names it (受理 → 研判 → 流转 → 处置 → 办结 → 考核, 退回, 挂账, 上报).
    @Test func theStatusesNameTheLoop() async throws {
        try await withServer { send in
            let (status, body) = try await send(.get, "/v1/statuses", nil)
            #expect(status == .ok)
            let statuses = try #require(body["statuses"]?.array)
            let names = statuses.map { "\($0["status"]?.string ?? "")=\($0["name"]?.string ?? "")" }
            #expect(names == ["received=受理", "triaged=研判", "dispatched=流转", "in_progress=处置",
                              "resolved=办结", "evaluated=考核", "returned=退回", "parked=挂账", "escalated=上报"])
            #expect(statuses[2]["allowed_next"] == .array([.string("in_progress"), .string("returned"), .string("parked")]))
            #expect(statuses.filter { $0["closed"] == .bool(true) }.compactMap { $0["status"]?.string } == ["resolved", "evaluated"])
        }
    }

    @Test func theBackupStandsInAndTheDutyLeaderIsShownOnDispatch() async throws {
        try await withServer { send in
            let grid = try SQLReference(store).gridsCovering([Coordinate(119.72, 28.27)])[0][0]
            let (_, before) = try await send(.get, "/v1/resolve?lon=119.72&lat=28.27", nil)
            let primary = try #require(before["people"]?.array?.first { $0["role"] == .string("网格员") })
            #expect(primary["post"] == .string("A"))
            let (status, marked) = try await send(.post, "/v1/people/absence", #"{"unit":"\#(grid)","role":"网格员","post":"A","absent":true}"#)
            #expect(status == .ok)
            #expect(marked["on_duty"]?.array?.first?["post"] == .string("B"))
            let (_, during) = try await send(.get, "/v1/resolve?lon=119.72&lat=28.27", nil)
            let standIn = try #require(during["people"]?.array?.first { $0["role"] == .string("网格员") })
            #expect(standIn["post"] == .string("B") && standIn["name"] != primary["name"])

            let (_, event) = try await send(.post, "/v1/events", Self.valid)
            #expect(event["people"]?.array?.first?["post"] == .string("B"), "the event names who is on duty")
            let id = Int(try #require(event["id"]?.number))
            #expect(event["duty_leader"] == .null)
            _ = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged","actor":"值班员"}"#)
            let (_, dispatched) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"dispatched","actor":"值班员"}"#)
            let today = DutyDay.beijingDate(of: .now())
            let leader = try #require(try store.dutyLeader(town: "331102102000", date: today))
            #expect(dispatched["duty_leader"] == .object(["date": .string(today), "name": .string(leader.name), "phone": .string(leader.phone)]))
            let dispatch = dispatched["history"]?.array?.last { $0["to"] == .string("dispatched") }
            #expect(dispatch?["note"]?.string?.contains(leader.name) == true)

            _ = try await send(.post, "/v1/people/absence", #"{"unit":"\#(grid)","role":"网格员","post":"A","absent":false}"#)
            let (_, after) = try await send(.get, "/v1/resolve?lon=119.72&lat=28.27", nil)
            #expect(after["people"]?.array?.first { $0["role"] == .string("网格员") }?["name"] == primary["name"])
            let (missing, _) = try await send(.post, "/v1/people/absence", #"{"unit":"000","role":"网格员","absent":true}"#)
            #expect(missing == .notFound)
        }
    }

    @Test func badReportsAre4xxNamingTheProblem() async throws {
        let cases: [(String, HTTPResponse.Status, String)] = [
            ("{", .badRequest, "malformed_body"),
            (Self.valid.replacingOccurrences(of: #""reporter":"徐静","#, with: ""), .badRequest, "missing_field"),
            (Self.valid.replacingOccurrences(of: "fire.ebike", with: "fire.nope"), .badRequest, "unknown_category"),
            (Self.valid.replacingOccurrences(of: "grid_member", with: "rumour"), .badRequest, "invalid_field"),
            (Self.valid.replacingOccurrences(of: "2026-03-01T08:00:00+08:00", with: "2099-01-01"), .badRequest, "invalid_field"),
            (Self.valid.replacingOccurrences(of: #""lon":119.72,"lat":28.27"#, with: #""lon":28.27,"lat":119.72"#), .badRequest, "lat_lon_swapped"),
            (Self.valid.replacingOccurrences(of: #""lon":119.72"#, with: #""lon":119.3"#), .unprocessableContent, "outside_towns"),
        ]
        try await withServer { send in
            for (body, expectedStatus, code) in cases {
                let (status, error) = try await send(.post, "/v1/events", body)
                #expect(status == expectedStatus, "\(code)")
                #expect(error["error"] == .string(code), "\(error.text)")
            }
            let (_, list) = try await send(.get, "/v1/events", nil)
            #expect(list["events"] == .array([]), "nothing stored by refused reports")
        }
    }

    @Test func aRetryWithTheSameExternalIDIsAConflictNotASecondEvent() async throws {
        let withID = Self.valid.replacingOccurrences(of: "}", with: #","external_id":"APP-2026-0001"}"#)
        try await withServer { send in
            let (created, event) = try await send(.post, "/v1/events", withID)
            #expect(created == .created)
            let (repeated, error) = try await send(.post, "/v1/events", withID)
            #expect(repeated == .conflict && error["error"] == .string("duplicate_event"))
            #expect(error["detail"] == .string("external_id \"APP-2026-0001\" is event \(Int(event["id"]?.number ?? 0)) already"))
            let (other, _) = try await send(.post, "/v1/events", Self.valid)
            #expect(other == .created, "without an external id, each report is a new event")
            let (formula, refused) = try await send(.post, "/v1/events", Self.valid.replacingOccurrences(of: "}", with: #","external_id":"=cmd|calc!A1"}"#))
            #expect(formula == .badRequest && refused["error"] == .string("invalid_field"))
            #expect(refused["detail"]?.string?.contains("spreadsheets read as a formula") == true)
        }
        let stored = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT external_id FROM events ORDER BY id").map { $0["external_id"] as String? }
        }
        #expect(stored == ["APP-2026-0001", nil])
    }
}
