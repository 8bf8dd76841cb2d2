import Foundation
import GRDB
import GridMapCore
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// County linkage over HTTP on loopback: idempotent 上级交办 (repeat, conflict), 上报 answered by
/// the county with roles enforced, and the outbox as the county polls it, each checked against
/// the rows SpatiaLite holds.
@Suite struct CountyAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    /// A county assignment in dagangtou: 劳资纠纷 (48 h by the platform model), due upstream in 24 h.
    static func assignment(_ externalID: String, description: String = "县里交办: 欠薪") -> String {
        #"{"origin":"county","external_id":"\#(externalID)","category":"dispute.labour","description":"\#(description)","#
            + #""lon":119.72,"lat":28.27,"source":"hotline_12345","reporter":"县社会治理中心","#
            + #""reported_at":"2026-03-01T08:00:00Z","upstream_deadline":"2026-03-02T08:00:00Z"}"#
    }

    static let local = #"{"category":"dispute.labour","description":"欠薪","lon":119.72,"lat":28.27,"source":"hotline_12345","reporter":"张三 13900001111"}"#

    @Test func aCountyAssignmentIsStoredOnceAndAnotherBodyUnderItsIDConflicts() async throws {
        let county = try store.createToken(name: "县社会治理中心", role: .county, scope: .everywhere, by: .test).token
        try await LiveServer.run(store, bytes: { ByteBuffer(string: $0) }) { send in
            let (first, created) = try await send(.post, "/v1/events", Self.assignment("LD-2026-0001"), token: county)
            #expect(first == .created)
            let id = try #require(created["id"]?.number)
            #expect(created["origin"] == .string("county") && created["external_id"] == .string("LD-2026-0001"))
            // The county's deadline is earlier than the category's 48 h: it rules.
            #expect(created["upstream_deadline"] == .string("2026-03-02T08:00:00.000Z"))
            #expect(created["deadline_at"] == .string("2026-03-02T08:00:00.000Z"))

            let (again, repeated) = try await send(.post, "/v1/events", Self.assignment("LD-2026-0001"), token: county)
            #expect(again == .ok && repeated["id"]?.number == id)
            let (changed, conflict) = try await send(.post, "/v1/events", Self.assignment("LD-2026-0001", description: "另一件事"), token: county)
            #expect(changed == .conflict && conflict["error"] == .string("external_id_conflict"))
            #expect(try stored("SELECT count(*) FROM events") == 1)
            #expect(try stored("SELECT count(*) FROM event_history") == 1)
            #expect(try stored("SELECT count(*) FROM outbox") == 1)

            // Unique per origin: the town's own id LD-2026-0001 is another event.
            let localBody = Self.local.replacingOccurrences(of: "}", with: #","external_id":"LD-2026-0001"}"#)
            let (localCreated, _) = try await send(.post, "/v1/events", localBody)
            #expect(localCreated == .created)
            let (localAgain, duplicate) = try await send(.post, "/v1/events", localBody)
            #expect(localAgain == .conflict && duplicate["error"] == .string("duplicate_event"))

            let (countyLocal, refusal) = try await send(.post, "/v1/events", Self.local, token: county)
            #expect(countyLocal == .forbidden && refusal["error"] == .string("forbidden"))
            let noID = Self.assignment("x").replacingOccurrences(of: #""external_id":"x","#, with: "")
            let (missingID, _) = try await send(.post, "/v1/events", noID, token: county)
            #expect(missingID == .badRequest)
            let noTime = Self.assignment("LD-2").replacingOccurrences(of: #""reported_at":"2026-03-01T08:00:00Z","#, with: "")
            let (missingTime, _) = try await send(.post, "/v1/events", noTime, token: county)
            #expect(missingTime == .badRequest)
            let early = Self.assignment("LD-3").replacingOccurrences(of: "2026-03-02T08", with: "2026-02-28T08")
            let (beforeReport, _) = try await send(.post, "/v1/events", early, token: county)
            #expect(beforeReport == .badRequest)
            let (unknownOrigin, _) = try await send(.post, "/v1/events", Self.assignment("LD-4").replacingOccurrences(of: #""county""#, with: #""province""#), token: county)
            #expect(unknownOrigin == .badRequest)
            #expect(try stored("SELECT count(*) FROM events") == 2)
        }
    }

    @Test func theTownEscalatesAndOnlyTheCountyAnswersWithHistoryAndOutbox() async throws {
        let county = try store.createToken(name: "县社会治理中心", role: .county, scope: .everywhere, by: .test).token
        try await LiveServer.run(store, bytes: { ByteBuffer(string: $0) }) { send in
            let (_, created) = try await send(.post, "/v1/events", Self.local)
            let id = Int(try #require(created["id"]?.number))
            let (_, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged"}"#)
            let (noReason, missing) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"escalated"}"#)
            #expect(noReason == .badRequest && missing["error"] == .string("note_required"))
            let (countyEscalates, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"escalated","note":"x"}"#, token: county)
            #expect(countyEscalates == .forbidden)
            let (escalated, up) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"escalated","note":"涉及跨镇劳资纠纷"}"#)
            #expect(escalated == .ok && up["status"] == .string("escalated"))
            #expect(up["supervision"]?["light"] == .string("green") && up["overdue"] == .bool(false))

            let (townAnswers, refused) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"resolved","note":"x"}"#)
            #expect(townAnswers == .forbidden && refused["error"] == .string("forbidden"))
            let (bare, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"returned"}"#, token: county)
            #expect(bare == .badRequest)
            let (returned, back) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"returned","note":"请属地先行调处"}"#, token: county)
            #expect(returned == .ok && back["status"] == .string("returned"))

            let (_, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged"}"#)
            let (_, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"escalated","note":"调处不成"}"#)
            let (closed, done) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"resolved","note":"县劳动监察已结案"}"#, token: county)
            #expect(closed == .ok && done["status"] == .string("resolved"))

            let moves = try store.syncRead { db in
                try Row.fetchAll(db, sql: "SELECT from_status, to_status, actor, note FROM event_history WHERE event_id = ? AND action = 'transition' ORDER BY seq",
                                 arguments: [id]).map { "\($0[0] as String)>\($0[1] as String) \($0[2] as String): \($0[3] as String? ?? "")" }
            }
            #expect(moves == ["received>triaged test dispatcher: ", "triaged>escalated test dispatcher: 涉及跨镇劳资纠纷",
                              "escalated>returned 县社会治理中心: 请属地先行调处", "returned>triaged test dispatcher: ",
                              "triaged>escalated test dispatcher: 调处不成", "escalated>resolved 县社会治理中心: 县劳动监察已结案"])

            // The county polls the outbox: every change, in order, as the outbox table holds them.
            let (polled, page) = try await send(.get, "/v1/outbox?after=0", nil, token: county)
            #expect(polled == .ok)
            let types = page["entries"]?.array?.compactMap { $0["type"]?.string }
            let topics = try store.syncRead { db in try String.fetchAll(db, sql: "SELECT topic FROM outbox ORDER BY id") }
            #expect(types == topics)
            #expect(topics == ["event.created", "event.triaged", "event.escalated", "event.returned", "event.triaged",
                               "event.escalated", "event.closed"])
            let last = try #require(page["entries"]?.array?.last)
            #expect(last["event"]?["status"] == .string("resolved") && last["change"]?["to"] == .string("resolved"))
            // Personal fields stay masked for the county (保密管理).
            #expect(last["event"]?["description"] == .null && last["event"]?["reporter"]?.string?.contains("13900001111") == false)
            let next = try #require(page["next_after"]?.number)
            let (_, empty) = try await send(.get, "/v1/outbox?after=\(Int(next))", nil, token: county)
            #expect(empty["entries"]?.array?.isEmpty == true && empty["next_after"]?.number == next)
            let (page2, two) = try await send(.get, "/v1/outbox?after=2&limit=2", nil, token: county)
            #expect(page2 == .ok && two["entries"]?.array?.compactMap { $0["id"]?.number } == [3, 4])

            let (dispatcher, _) = try await send(.get, "/v1/outbox", nil)
            #expect(dispatcher == .forbidden)
            let (badAfter, _) = try await send(.get, "/v1/outbox?after=-1", nil, token: county)
            #expect(badAfter == .badRequest)
        }
    }

    @Test func aScopedCountyTokenPollsOnlyItsTownsChanges() async throws {
        let elsewhere = try store.createToken(name: "别的镇", role: .county, scope: .town("331102999"), by: .test).token
        try await LiveServer.run(store, bytes: { ByteBuffer(string: $0) }) { send in
            let (created, _) = try await send(.post, "/v1/events", Self.local)
            #expect(created == .created)
            let (_, page) = try await send(.get, "/v1/outbox", nil, token: elsewhere)
            #expect(page["entries"]?.array?.isEmpty == true && page["next_after"] == .number(1))
        }
    }

    @Test func aRefusedMoveLeavesNoOutboxRow() async throws {
        try await LiveServer.run(store, bytes: { ByteBuffer(string: $0) }) { send in
            let (_, created) = try await send(.post, "/v1/events", Self.local)
            let id = Int(try #require(created["id"]?.number))
            let (illegal, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"resolved"}"#)
            #expect(illegal == .conflict)
            #expect(try stored("SELECT count(*) FROM outbox") == 1)
        }
    }

    private func stored(_ sql: String) throws -> Int {
        try store.syncRead { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}
