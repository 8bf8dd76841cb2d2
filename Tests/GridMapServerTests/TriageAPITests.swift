import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// 研判 corrections over HTTP on loopback: with {"to":"triaged"}, a category, a place and an
/// override of the routing; the grid checked against SpatiaLite.
@Suite struct TriageAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func withServer(_ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, bytes: { ByteBuffer(string: $0) }, body)
    }

    static func report(_ send: LiveServer.Call<String>) async throws -> Int {
        let (_, event) = try await send(.post, "/v1/events", EventsAPITests.valid)
        return Int(try #require(event["id"]?.number))
    }

    @Test func theCommandRoomCorrectsCategoryPlaceAndRouting() async throws {
        let grid = try SQLReference(store).gridsCovering([Coordinate(119.74, 28.29)])[0]
        try await withServer { send in
            let id = try await Self.report(send)
            let body = #"{"to":"triaged","category":"dispute.labour","lon":119.74,"lat":28.29,"office":"司法所","reason":"涉法律援助"}"#
            let (ok, event) = try await send(.post, "/v1/events/\(id)/transitions", body)
            #expect(ok == .ok && event["status"] == .string("triaged"))
            #expect(event["category"] == .string("dispute.labour") && event["grid"]?.string == grid.first)
            #expect(event["routing"]?["office"] == .string("司法所"))
            #expect(event["routing"]?["overridden_by"] == .string("test dispatcher"))
            #expect(event["routing"]?["override_reason"] == .string("涉法律援助"))
            #expect(event["input"] == .array([.number(119.74), .number(28.29)]) && event["crs"] == .string("wgs84"))
            let note = event["history"]?.array?.last?["note"]?.string ?? ""
            #expect(note.hasPrefix("研判更正: 类别 fire.ebike → dispute.labour; 坐标 119.72,28.27 → 119.74,28.29; 网格 "))
            #expect(note.hasSuffix("单位 应急管理站 → 司法所; 改派理由 涉法律援助"))
            let stored = try #require(try store.event(Int64(id)))
            #expect(stored.gridCode == grid.first && stored.routing.overriddenBy == "test dispatcher")

            // By grid: the point stays, the grid is the one named.
            let other = try await Self.report(send)
            let (byGrid, placed) = try await send(.post, "/v1/events/\(other)/transitions", #"{"to":"triaged","grid":"\#(grid[0])"}"#)
            #expect(byGrid == .ok && placed["grid"]?.string == grid.first && placed["point"] == .array([.number(119.72), .number(28.27)]))
        }
    }

    @Test func badCorrectionsAreRefusedByNameAndStoreNothing() async throws {
        try await withServer { send in
            let id = try await Self.report(send)
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"to":"triaged","lon":119.74}"#, .badRequest, "missing_field"),
                (#"{"to":"triaged","lon":119.74,"lat":28.29,"grid":"331102102224006"}"#, .badRequest, "invalid_field"),
                (#"{"to":"triaged","grid":"999"}"#, .badRequest, "unknown_grid"),
                (#"{"to":"triaged","reason":"x"}"#, .badRequest, "invalid_field"),
                (#"{"to":"triaged","crs":"gcj02"}"#, .badRequest, "invalid_field"),
                (#"{"to":"triaged","office":"司法所"}"#, .badRequest, "reason_required"),
                (#"{"to":"triaged","platform":"XX","reason":"x"}"#, .badRequest, "unknown_platform"),
                (#"{"to":"triaged","office":"县法院","reason":"x"}"#, .badRequest, "unknown_office"),
                (#"{"to":"triaged","category":"no.such"}"#, .badRequest, "unknown_category"),
                (#"{"to":"triaged","lon":1e999,"lat":28.29}"#, .badRequest, "malformed_body"),
                (#"{"to":"triaged","lon":119.74,"lat":95}"#, .badRequest, "invalid_coordinate"),
                (#"{"to":"triaged","lon":28.29,"lat":119.74}"#, .badRequest, "lat_lon_swapped"),
                (#"{"to":"triaged","lon":121.5,"lat":31.2}"#, .unprocessableContent, "outside_towns"),
                (#"{"to":"triaged","category":"fire.ebike"}"#, .conflict, "nothing_changed"),
                (#"{"to":"dispatched","category":"dispute.labour"}"#, .badRequest, "invalid_field"),
                (#"{"to":"evaluated","score":5,"satisfaction":"satisfied","office":"司法所","reason":"x"}"#, .badRequest, "invalid_field"),
            ]
            for (body, status, code) in cases {
                let (got, answer) = try await send(.post, "/v1/events/\(id)/transitions", body)
                #expect(got == status && answer["error"] == .string(code), "\(body): \(got) \(answer)")
            }
            let stored = try #require(try store.event(Int64(id)))
            #expect(stored.status == .received && stored.history.count == 1 && stored.category == "fire.ebike")
        }
    }

    @Test func scopeAndMaskingHoldForCorrections() async throws {
        let villages = try store.syncRead { db in try String.fetchAll(db, sql: "SELECT code FROM villages ORDER BY code") }
        try await withServer { send in
            let id = try await Self.report(send)
            let (_, reported) = try await send(.get, "/v1/events/\(id)", nil)
            let other = try #require(villages.first { $0 != reported["village"]?.string })
            let outsider = try store.createToken(name: "村调度", role: .dispatcher, scope: .village(other), by: .test).token
            let (refused, answer) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged","office":"派出所","reason":"x"}"#,
                                                   token: outsider)
            #expect(refused == .forbidden && answer["error"] == .string("out_of_scope"), "a move outside the scope is refused, as without corrections")
            let (ok, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged","office":"派出所","reason":"涉嫌违法"}"#)
            #expect(ok == .ok)
            let gis = try store.createToken(name: "gis", role: .gis, scope: .everywhere, by: .test).token
            let (_, masked) = try await send(.get, "/v1/events/\(id)", nil, token: gis)
            #expect(masked["routing"]?["overridden_by"]?.string?.contains("*") == true)
            #expect(masked["routing"]?["override_reason"] == .null)
            #expect(masked["routing"]?["office"] == .string("派出所"), "where it goes is not personal")
        }
    }
}
