import Foundation
import GRDB
import GridMapCore
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// 研判会商 over HTTP on loopback, checked against the rows SpatiaLite holds.
@Suite struct ConsultationsAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    @Test func aConsultationDispatchesInOneStepAndBadOnesAreRefused() async throws {
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), bytes: { ByteBuffer(string: $0) }) { send in
            let (_, reported) = try await send(.post, "/v1/events", EventsAPITests.valid)
            let id = Int(try #require(reported["id"]?.number))
            let refusals: [(String, HTTPResponse.Status, String)] = [
                (#"{"decision":"x"}"#, .badRequest, "missing_field"),
                (#"{"participants":["派出所"]}"#, .badRequest, "missing_field"),
                (#"{"participants":"派出所","decision":"x"}"#, .badRequest, "invalid_field"),
                (#"{"participants":["派出所"],"decision":"x","dispatch":"yes"}"#, .badRequest, "invalid_field"),
                (#"{"participants":["派出所"],"decision":"x","dispatch":true}"#, .badRequest, "missing_field"),
                (#"{"participants":["派出所"],"decision":"x","lead_office":"县公安局"}"#, .badRequest, "unknown_office"),
                (#"{"participants":["派出所"],"decision":"x","held_at":"2099-01-01T00:00:00Z"}"#, .badRequest, "invalid_field"),
                (#"{"participants":["派出所"],"decision":"x","deadline":"soon"}"#, .badRequest, "invalid_field"),
            ]
            for (body, status, code) in refusals {
                let (got, answer) = try await send(.post, "/v1/events/\(id)/consultations", body)
                #expect(got == status && answer["error"] == .string(code), "\(body): \(answer)")
            }
            #expect(try store.syncRead { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event_consultations") } == 0)

            let body = #"{"participants":["派出所","综合行政执法队","王副镇长"],"decision":"联合执法清理","lead_office":"综合行政执法队","assisting_offices":["派出所"],"deadline":"2026-12-31","dispatch":true}"#
            let (created, consultation) = try await send(.post, "/v1/events/\(id)/consultations", body)
            #expect(created == .created)
            #expect(consultation["participants"]?["offices"] == .array([.string("派出所"), .string("综合行政执法队")]))
            #expect(consultation["participants"]?["people"] == .array([.string("王副镇长")]))
            #expect(consultation["deadline_at"] == .string("2026-12-31T16:00:00.000Z"))
            let (_, event) = try await send(.get, "/v1/events/\(id)", nil)
            #expect(event["status"] == .string("dispatched"))
            #expect(event["routing"]?["office"] == .string("综合行政执法队"))
            #expect(event["tasks"]?.array?.compactMap { $0["office"]?.string } == ["综合行政执法队", "派出所"])
            let stored = try store.syncRead { db in try String.fetchAll(db, sql: "SELECT office FROM event_tasks WHERE event_id = ? ORDER BY id", arguments: [id]) }
            #expect(stored == ["综合行政执法队", "派出所"])
            let (_, anonymous) = try await send(.get, "/v1/events/\(id)/consultations", nil, token: nil)
            let shown = anonymous["consultations"]?.array?.first
            #expect(shown?["decision"] == .null && shown?["participants"]?["people"] != .array([.string("王副镇长")]))
            #expect(shown?["participants"]?["offices"]?.array?.count == 2, "offices are not personal")
        }
    }
}
