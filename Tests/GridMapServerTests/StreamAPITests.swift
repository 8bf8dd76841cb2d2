import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /v1/stream` over real HTTP, read frame by frame: a new event within a second, its `id:`
/// the outbox row SpatiaLite holds; resuming with `Last-Event-ID`; the caller's scope and masking;
/// heartbeats; the client limit.
@Suite struct StreamAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou", "ganpu"]) }

    static let dagangtou = "331102102000"

    func open(_ port: Int?, token: String, lastEventID: Int64? = nil) async throws -> StreamReader {
        var headers = ["Authorization": "Bearer \(token)"]
        if let lastEventID { headers["Last-Event-ID"] = String(lastEventID) }
        return try await StreamReader("http://127.0.0.1:\(port!)/v1/stream", headers: headers)
    }

    func outboxIDs() throws -> [Int64] {
        try store.syncRead { db in try Int64.fetchAll(db, sql: "SELECT id FROM outbox ORDER BY id") }
    }

    @Test func aNewEventArrivesWithinASecondAndAReconnectResumes() async throws {
        let token = try store.createToken(name: "值班员", role: .dispatcher, by: .test).token
        try await LiveServer.run(store, bytes: { ByteBuffer(string: $0) }) { send in
            let stream = try await open(send.client.port, token: token)
            #expect(stream.status == 200)
            let started = ContinuousClock.now
            let (_, created) = try await send(.post, "/v1/events", HooksAPITests.event(1))
            let frame = try #require(try await stream.next(within: 1))
            #expect(ContinuousClock.now - started < .seconds(1))
            #expect(frame.id == (try outboxIDs()).last && frame.data?["type"] == .string("event.created"))
            #expect(frame.data?["event"]?["id"] == created["id"] && frame.data?["event"]?["status"] == .string("received"))
            // A dispatcher sees the reporter in full.
            #expect(frame.data?["event"]?["reporter"] == .string("张三 13900001111"))
            await stream.close()

            // Two more changes while disconnected; the reconnect replays them, then goes on live.
            let id = try #require(created["id"]?.number).formatted(.number.grouping(.never))
            _ = try await send(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged"}"#)
            _ = try await send(.post, "/v1/events", HooksAPITests.event(2))
            let resumed = try await open(send.client.port, token: token, lastEventID: frame.id)
            let replayed = [try await resumed.next(), try await resumed.next()]
            #expect(replayed.map { $0?.id } == Array(try outboxIDs().suffix(2)))
            #expect(replayed.map { $0?.data?["type"]?.string } == ["event.triaged", "event.created"])
            _ = try await send(.post, "/v1/events", HooksAPITests.event(3))
            #expect(try await resumed.next(within: 1)?.id == (try outboxIDs()).last)
            #expect(try await resumed.next(within: 0.3) == nil)
            await resumed.close()
        }
    }

    @Test func eachCallerSeesItsScopeAndOnlyAsItMay() async throws {
        let ganpu = try #require(try store.snapshot().towns.map(\.unit.code).first { $0 != Self.dagangtou })
        let inTown = try store.createToken(name: "大港头", role: .gis, scope: .town(Self.dagangtou), by: .test).token
        let elsewhere = try store.createToken(name: "碧湖", role: .dispatcher, scope: .town(ganpu), by: .test).token
        try await LiveServer.run(store, live: LiveSettings(poll: .milliseconds(20), heartbeat: .milliseconds(100)),
                                 bytes: { ByteBuffer(string: $0) }) { send in
            let near = try await open(send.client.port, token: inTown), far = try await open(send.client.port, token: elsewhere)
            _ = try await send(.post, "/v1/events", HooksAPITests.event(1))
            let frame = try #require(try await near.next(within: 1))
            // A GIS officer does not see personal fields.
            #expect(frame.data?["event"]?["reporter"] != .string("张三 13900001111"))
            #expect(try await far.next(within: 0.5) == nil)
            #expect(await far.comments >= 2, "heartbeats keep the idle stream alive")
            await near.close()
            await far.close()
        }
    }

    @Test func clientsBeyondTheLimitAre503() async throws {
        let token = try store.createToken(name: "值班员", role: .dispatcher, by: .test).token
        try await LiveServer.run(store, live: LiveSettings(maxClients: 1, poll: .milliseconds(20)), bytes: { ByteBuffer(string: $0) }) { send in
            let first = try await open(send.client.port, token: token)
            let (status, refusal) = try await send(.get, "/v1/stream", nil)
            #expect(status == .serviceUnavailable && refusal["error"] == .string("too_many_streams"))
            await first.close()
            let (badID, _) = try await send.client.execute(uri: "/v1/stream", method: .get,
                                                           headers: [.authorization: "Bearer \(token)", HTTPField.Name("Last-Event-ID")!: "x"]) {
                ($0.status, $0.body)
            }
            #expect(badID == .badRequest)
        }
    }
}
