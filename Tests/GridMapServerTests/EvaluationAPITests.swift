import Foundation
import GRDB
import GridMapCore
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// 考核 with 回访 over HTTP on loopback, checked against the rows SpatiaLite holds.
@Suite struct EvaluationAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    @Test func anEvaluationIsScoredAndADissatisfiedOneReturnsTheEvent() async throws {
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), bytes: { ByteBuffer(string: $0) }) { send in
            let id = try await TasksAPITests.dispatched(send)
            // The offices finish; the lead office's acceptance already started the handling.
            #expect(try store.finishTasks(of: Int64(id), at: .now())?.status == .inProgress)
            let (resolved, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"resolved"}"#)
            #expect(resolved == .ok)
            let refusals: [(String, String)] = [
                (#"{"to":"evaluated"}"#, "evaluation_required"),
                (#"{"to":"evaluated","score":5}"#, "evaluation_required"),
                (#"{"to":"evaluated","score":3.5,"satisfaction":"satisfied"}"#, "invalid_field"),
                (#"{"to":"evaluated","score":"5","satisfaction":"satisfied"}"#, "invalid_field"),
                (#"{"to":"evaluated","score":9,"satisfaction":"satisfied"}"#, "invalid_field"),
                (#"{"to":"evaluated","score":5,"satisfaction":"happy"}"#, "invalid_field"),
            ]
            for (body, code) in refusals {
                let (status, answer) = try await send(.post, "/v1/events/\(id)/transitions", body)
                #expect(status == .badRequest && answer["error"] == .string(code), "\(body): \(answer)")
            }
            #expect(try store.syncRead { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event_evaluations") } == 0)

            let (ok, returned) = try await send(.post, "/v1/events/\(id)/transitions",
                                                #"{"to":"evaluated","score":2,"satisfaction":"dissatisfied","note":"仍在欠薪"}"#)
            #expect(ok == .ok && returned["status"] == .string("returned"))
            let evaluation = returned["evaluations"]?.array?.first
            #expect(evaluation?["score"] == .number(2) && evaluation?["satisfaction"] == .string("dissatisfied"))
            #expect(evaluation?["satisfaction_name"] == .string("不满意") && evaluation?["remark"] == .string("仍在欠薪"))
            let stored = try store.syncRead { db in
                try Row.fetchOne(db, sql: "SELECT score, satisfaction, remark FROM event_evaluations WHERE event_id = ?", arguments: [id])
            }
            let row = try #require(stored)
            let score: Int = row["score"], satisfaction: String = row["satisfaction"], remark: String? = row["remark"]
            #expect(score == 2 && satisfaction == "dissatisfied" && remark == "仍在欠薪")
            let (_, anonymous) = try await send(.get, "/v1/events/\(id)", nil, token: nil)
            #expect(anonymous["evaluations"]?.array?.first?["remark"] == .null, "the remark is withheld from anonymous readers")
        }
    }
}
