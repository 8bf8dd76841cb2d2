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

/// The offices' tasks (联勤联动) over HTTP on loopback, checked against the rows SpatiaLite holds.
@Suite struct TasksAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func withServer(_ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), bytes: { ByteBuffer(string: $0) }, body)
    }

    static let labour = #"{"category":"dispute.labour","description":"欠薪","lon":119.72,"lat":28.27,"source":"hotline_12345","reporter":"张三 13900001111"}"#

    /// A labour dispute reported, triaged and dispatched; its id.
    static func dispatched(_ send: LiveServer.Call<String>) async throws -> Int {
        let (_, event) = try await send(.post, "/v1/events", labour)
        let id = Int(try #require(event["id"]?.number))
        for to in ["triaged", "dispatched"] {
            let (status, _) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"\#(to)"}"#)
            #expect(status == .ok)
        }
        return id
    }

    /// Task rows as SpatiaLite holds them: (id, office, status).
    func storedTasks(_ event: Int) throws -> [[String]] {
        try store.syncRead { db in
            try Row.fetchAll(db, sql: "SELECT id, office, status FROM event_tasks WHERE event_id = ? ORDER BY id", arguments: [event])
                .map { [String($0["id"] as Int64), $0["office"], $0["status"]] }
        }
    }

    @Test func tasksAreGivenMovedAndHoldTheResolution() async throws {
        try await withServer { send in
            let id = try await Self.dispatched(send)
            let (_, event) = try await send(.get, "/v1/events/\(id)", nil)
            let tasks = try #require(event["tasks"]?.array)
            #expect(tasks.compactMap { $0["office"]?.string } == ["社会治理中心", "便民服务中心"])
            #expect(tasks.map { $0["status"] } == [.string("assigned"), .string("assigned")])
            #expect(tasks.first?["allowed_next"] == .array([.string("accepted"), .string("rejected"), .string("cancelled")]))
            #expect(try storedTasks(id).map { $0[1] } == ["社会治理中心", "便民服务中心"])

            let (created, task) = try await send(.post, "/v1/events/\(id)/tasks", #"{"office":"司法所","note":"协助调解","deadline":"2026-12-31"}"#)
            #expect(created == .created)
            let taskID = Int(try #require(task["id"]?.number))
            #expect(task["office"] == .string("司法所") && task["status"] == .string("assigned") && task["lead"] == .bool(false))
            #expect(task["deadline_at"] == .string("2026-12-31T16:00:00.000Z"), "a plain date is the end of that Beijing day")
            #expect(try storedTasks(id).last == [String(taskID), "司法所", "assigned"])

            let (resolved, refused) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"in_progress"}"#)
            #expect(resolved == .ok && refused["status"] == .string("in_progress"))
            let (conflict, open) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"resolved"}"#)
            #expect(conflict == .conflict && open["error"] == .string("open_tasks"))
            let listedOpen: [String] = open["open_tasks"]?.array?.compactMap { $0["id"]?.number }.map { String(Int($0)) } ?? []
            let stored: [String] = try storedTasks(id).map { $0[0] }
            #expect(listedOpen == stored)

            let (illegal, answer) = try await send(.post, "/v1/events/\(id)/tasks/\(taskID)/transitions", #"{"to":"done"}"#)
            #expect(illegal == .conflict && answer["error"] == .string("illegal_transition"))
            #expect(answer["allowed"] == .array([.string("accepted"), .string("rejected"), .string("cancelled")]))
            let (noReason, why) = try await send(.post, "/v1/events/\(id)/tasks/\(taskID)/transitions", #"{"to":"rejected"}"#)
            #expect(noReason == .badRequest && why["error"] == .string("reason_required"))
            let (rejected, back) = try await send(.post, "/v1/events/\(id)/tasks/\(taskID)/transitions", #"{"to":"rejected","reason":"非本所职责"}"#)
            #expect(rejected == .ok && back["status"] == .string("rejected") && back["reason"] == .string("非本所职责"))
            for task in try storedTasks(id) where task[2] == "assigned" {
                for to in ["accepted", "done"] {
                    let (ok, moved) = try await send(.post, "/v1/events/\(id)/tasks/\(task[0])/transitions", #"{"to":"\#(to)"}"#)
                    #expect(ok == .ok && moved["status"] == .string(to))
                }
            }
            let (done, closed) = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"resolved"}"#)
            #expect(done == .ok && closed["status"] == .string("resolved"))
            #expect(try storedTasks(id).map { $0[2] } == ["done", "done", "rejected"])
            let actions = closed["history"]?.array?.compactMap { $0["action"]?.string } ?? []
            #expect(actions.filter { $0.hasPrefix("task_") }.count == 3 + 1 + 4, "three assigned, one rejected, two accepted and done")
            let (_, listed) = try await send(.get, "/v1/events/\(id)/tasks", nil)
            #expect(listed["tasks"]?.array?.count == 3)
        }
    }

    @Test func badTaskRequestsAreRefusedByName() async throws {
        try await withServer { send in
            let id = try await Self.dispatched(send)
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/v1/events/\(id)/tasks", #"{"note":"x"}"#, .badRequest, "missing_field"),
                ("/v1/events/\(id)/tasks", #"{"office":"县人社局"}"#, .badRequest, "unknown_office"),
                ("/v1/events/\(id)/tasks", #"{"office":"社会治理中心"}"#, .conflict, "office_has_open_task"),
                ("/v1/events/\(id)/tasks", #"{"office":"司法所","deadline":"tomorrow"}"#, .badRequest, "invalid_field"),
                ("/v1/events/\(id)/tasks", #"{"office":"司法所","deadline":"2020-01-01"}"#, .badRequest, "invalid_field"),
                ("/v1/events/\(id)/tasks", #"{"office":42}"#, .badRequest, "invalid_field"),
                ("/v1/events/\(id)/tasks", "[1,", .badRequest, "malformed_body"),
                ("/v1/events/999999/tasks", #"{"office":"司法所"}"#, .notFound, "unknown_event"),
                ("/v1/events/x/tasks", #"{"office":"司法所"}"#, .badRequest, "invalid_id"),
                ("/v1/events/\(id)/tasks/999999/transitions", #"{"to":"accepted"}"#, .notFound, "unknown_task"),
                ("/v1/events/\(id)/tasks/0/transitions", #"{"to":"accepted"}"#, .badRequest, "invalid_id"),
                ("/v1/events/\(id)/tasks/1/transitions", #"{"to":"finished"}"#, .badRequest, "invalid_status"),
            ]
            for (uri, body, status, code) in cases {
                let (got, answer) = try await send(.post, uri, body)
                #expect(got == status && answer["error"] == .string(code), "\(uri) \(body): \(got) \(answer)")
            }
            #expect(try storedTasks(id).count == 2, "nothing refused was stored")
        }
    }

    @Test func scopeAndRoleRulesHoldForTasks() async throws {
        let villages = try store.syncRead { db in try String.fetchAll(db, sql: "SELECT code FROM villages ORDER BY code") }
        try await withServer { send in
            let id = try await Self.dispatched(send)
            let (_, event) = try await send(.get, "/v1/events/\(id)", nil)
            let village = try #require(event["village"]?.string)
            let other = try #require(villages.first { $0 != village })
            let outsider = try store.createToken(name: "村调度", role: .dispatcher, scope: .village(other), by: .test).token
            let (hidden, _) = try await send(.get, "/v1/events/\(id)/tasks", nil, token: outsider)
            #expect(hidden == .notFound)
            let (refused, answer) = try await send(.post, "/v1/events/\(id)/tasks", #"{"office":"司法所"}"#, token: outsider)
            #expect(refused == .forbidden && answer["error"] == .string("out_of_scope"))
            let gis = try store.createToken(name: "gis", role: .gis, scope: .everywhere, by: .test).token
            let (forbidden, _) = try await send(.post, "/v1/events/\(id)/tasks", #"{"office":"司法所"}"#, token: gis)
            #expect(forbidden == .forbidden)
            let (_, masked) = try await send(.get, "/v1/events/\(id)/tasks", nil, token: gis)
            let assigner = try #require(masked["tasks"]?.array?.first?["assigned_by"]?.string)
            let (_, full) = try await send(.get, "/v1/events/\(id)/tasks", nil)
            #expect(assigner != full["tasks"]?.array?.first?["assigned_by"]?.string, "the assigner's name is masked for gis")
            #expect(try storedTasks(id).count == 2)
        }
    }

    @Test func officeStatisticsCountTasksPerOffice() async throws {
        try await withServer { send in
            let id = try await Self.dispatched(send)
            let tasks = try storedTasks(id)
            for to in ["accepted", "done"] {
                _ = try await send(.post, "/v1/events/\(id)/tasks/\(tasks[0][0])/transitions", #"{"to":"\#(to)"}"#)
            }
            _ = try await send(.post, "/v1/events/\(id)/tasks/\(tasks[1][0])/transitions", #"{"to":"rejected","reason":"非本单位"}"#)
            let (ok, stats) = try await send(.get, "/v1/stats?by=office", nil)
            #expect(ok == .ok && stats["by"] == .string("office"))
            let groups = try #require(stats["groups"]?.array)
            #expect(groups.compactMap { $0["key"]?.string } == ["便民服务中心", "社会治理中心"])
            #expect(groups.map { $0["received"] } == [.number(1), .number(1)])
            #expect(groups.map { $0["done"] } == [.number(0), .number(1)])
            #expect(groups.map { $0["on_time"] } == [.number(0), .number(1)])
            #expect(groups.map { $0["rejected"] } == [.number(1), .number(0)])
            let (bad, answer) = try await send(.get, "/v1/stats?by=offices", nil)
            #expect(bad == .badRequest && answer["detail"]?.string?.contains("office") == true)
        }
    }
}
