import Foundation
import GridMapCore
import GridMapGeometry
@testable import GridMapServer
import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Bearer tokens, roles and the audit log over real HTTP on loopback.
@Suite struct AccessAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func token(_ role: AccessRole, _ name: String) throws -> String {
        try store.createToken(name: name, role: role, by: .test).token
    }

    func withServer(_ access: AccessPolicy, _ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, access: access, role: nil, bytes: { ByteBuffer(string: $0) }, body)
    }

    /// The audit entries written by requests (not by the test's own token making).
    func requestEntries() throws -> [AuditEntry] { try store.auditLog().filter { $0.origin != "test" } }

    @Test func changesNeedATokenOfARoleAllowedThemAndAreAudited() async throws {
        let (gis, dispatcher) = (try token(.gis, "县GIS"), try token(.dispatcher, "值班员"))
        let revoked = try store.createToken(name: "离职", role: .admin, by: .test)
        try store.revokeToken(id: revoked.id, by: .test)
        try await withServer(AccessPolicy()) { call in
            let none = try await call.client.execute(uri: "/v1/events?source=app", method: .post, body: ByteBuffer(string: EventsAPITests.valid))
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            #expect(try JSONValue.parse(Data(buffer: none.body))["error"] == .string("unauthorized"))

            let (forbidden, refusal) = try await call(.post, "/v1/events", EventsAPITests.valid, token: gis)
            #expect(forbidden == .forbidden && refusal["error"] == .string("forbidden"))
            #expect(refusal["detail"]?.string?.contains("role gis lacks manage_events") == true, "\(refusal)")

            let (created, event) = try await call(.post, "/v1/events", EventsAPITests.valid, token: dispatcher)
            #expect(created == .created)
            let (stale, _) = try await call(.post, "/v1/events", EventsAPITests.valid, token: revoked.token)
            #expect(stale == .unauthorized)
            let bad = try await call.client.execute(uri: "/v1/events", method: .get, headers: LiveServer.Call<String>.authorization(revoked.token))
            #expect(bad.status == .unauthorized && bad.headers[.wwwAuthenticate] == #"Bearer error="invalid_token""#)
            let malformed = try await call.client.execute(uri: "/v1/events", method: .get, headers: [.authorization: "Basic eDp5"])
            #expect(malformed.status == .unauthorized)

            let (reads, _) = try await call(.get, "/v1/events", nil, token: nil)
            #expect(reads == .unauthorized, "reads need a token unless they are public")
            let (gisReads, _) = try await call(.get, "/v1/events", nil, token: gis)
            #expect(gisReads == .ok)
            let (health, _) = try await call(.get, "/healthz", nil, token: nil)
            #expect(health == .ok)
            let (unknownChange, _) = try await call(.delete, "/v1/events/1", nil, token: dispatcher)
            #expect(unknownChange == .forbidden, "anything else that changes is the admin's")

            let entries = try requestEntries()
            #expect(entries.map(\.status) == [401, 403, 201, 401, 403], "reads are not audited, refused changes are")
            #expect(entries.map(\.actor) == ["anonymous", "县GIS", "值班员", "anonymous", "值班员"])
            #expect(entries.map(\.role) == [nil, .gis, .dispatcher, nil, .dispatcher])
            #expect(entries.allSatisfy { ["127.0.0.1", "::1"].contains($0.origin) }, "\(entries.map(\.origin))")
            #expect(entries[0].action == "POST /v1/events" && entries[0].target == "/v1/events")
            #expect(entries[0].detail == ["query": .string("source=app")])
            #expect(entries[2].detail == ["event_id": try #require(event["id"])], "the handler's note")
            #expect(entries[4].action == "DELETE /v1/events/1")
            let text = entries.map { JSONValue.object($0.detail).text }.joined()
            #expect(!text.contains("gm_") && !text.contains("楼道充电"), "neither tokens nor bodies are logged")
        }
    }

    @Test func publicReadsNeedNoTokenButChangesStillDo() async throws {
        try await withServer(AccessPolicy(publicReads: true)) { call in
            let (reads, page) = try await call(.get, "/v1/events", nil, token: nil)
            #expect(reads == .ok && page["events"] == .array([]))
            let (resolved, _) = try await call(.post, "/v1/resolve", #"{"points":[[119.72,28.27]]}"#, token: nil)
            #expect(resolved == .ok)
            let (change, _) = try await call(.post, "/v1/events", EventsAPITests.valid, token: nil)
            #expect(change == .unauthorized)
            let (stale, _) = try await call(.get, "/v1/events", nil, token: "gm_not-a-token")
            #expect(stale == .unauthorized, "a token sent is checked even where none is needed")
            #expect(try requestEntries().map(\.status) == [401], "public reads are not audited")
        }
    }

    @Test func aTokenRevokedWhileServingStopsWorkingWithinTheRecheckTime() async throws {
        let admin = try store.createToken(name: "运维", role: .admin, by: .test)
        try await withServer(AccessPolicy(tokenRecheck: .milliseconds(100))) { call in
            let (before, _) = try await call(.get, "/v1/events", nil, token: admin.token)
            #expect(before == .ok)
            try store.revokeToken(id: admin.id, by: .test)
            try await Task.sleep(for: .milliseconds(150))
            let (after, _) = try await call(.get, "/v1/events", nil, token: admin.token)
            #expect(after == .unauthorized)
            let fresh = try token(.planner, "新规划")
            let (new, _) = try await call(.get, "/v1/events", nil, token: fresh)
            #expect(new == .ok, "a token created while serving works at once")
        }
    }

    /// The permissions as the routes declare them; a request no route declares needs `read` (GET,
    /// HEAD), the group's permission below `/v1/edits` and `/v1/grids`, or `administer`.
    @Test func theDeclaredRoutesGiveEachRequestItsPermission() throws {
        let options = ServerOptions(limits: ServerLimits(), access: AccessPolicy(), planner: EditPlanner(), console: WebConsole())
        let served = try ServedStateHolder(store: store, logger: Logger(label: "test"))
        let sessions = Sessions(accounts: store, policy: options.access)
        let feed = try LiveFeed(store: store, maxClients: 1, poll: .seconds(1), heartbeat: .seconds(1), logger: Logger(label: "test"))
        let rules = GridMapServer.routeTable(store: store, served: served, feed: feed, sessions: sessions, options: options).accessRules
        let cases: [(HTTPRequest.Method, String, Permission?)] = [
            (.get, "/healthz", nil), (.head, "/healthz", nil), (.post, "/healthz", .administer),
            (.get, "/v1/export/grids.geojson", .export), (.head, "/v1/export/grids.geojson", .export),
            (.get, "/v1/export", .export), (.get, "/v1/export/a/b", .export), (.post, "/v1/export/grids.geojson", .administer),
            (.get, "/v1/resolve", .read), (.post, "/v1/resolve", .resolve), (.head, "/tiles/grids.json", .read),
            (.post, "/v1/events", .manageEvents), (.post, "/v1/events/", .manageEvents),
            (.post, "/v1/events/12/transitions", .manageEvents), (.post, "/v1/events/12", .administer),
            (.post, "/v1/people/absence", .manageEvents), (.post, "/v1/patrols", .uploadPatrols),
            (.get, "/v1/edits", .read), (.post, "/v1/edits", .editBoundaries), (.post, "/v1/edits/preview", .editBoundaries),
            (.put, "/v1/grids/331102102224006/boundary", .editBoundaries), (.get, "/v1/grids/331102102224006", .read),
            (.delete, "/v1/events/1", .administer), (.post, "/v1/tokens", .administer), (.patch, "/", .administer),
            (.get, "/v1/session", nil), (.post, "/v1/session", nil), (.delete, "/v1/session", nil), (.put, "/v1/session", .administer),
        ]
        for (method, path, expected) in cases {
            #expect(rules.permission(method, path) == expected, "\(method) \(path)")
        }
    }
}
