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

/// What an attacker or a broken client can do to the server, over real HTTP and raw TCP on
/// loopback: bounded work per request, bounded heavy work at once, timeouts, declared lengths,
/// broken framing, a connection cap and a read-only database.
@Suite struct HardeningAPITests {
    let store: SpatiaLiteStore
    static let day = "from=2026-03-02&to=2026-03-03"

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func withServer(limits: ServerLimits = ServerLimits(), errors: ErrorLog = ErrorLog(), role: AccessRole = .dispatcher,
                    _ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, role: role, limits: limits, logger: errors.logger, bytes: { ByteBuffer(string: $0) }, body)
    }

    func storedFixes() throws -> Int { try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM patrol_fixes")! } }

    @Test func aRadiusUnderTheFloorIsRefusedNamingItAndStoresNothing() async throws {
        try await withServer { call in
            for path in ["/v1/coverage", "/v1/coverage/gaps"] {
                let (status, body) = try await call(.get, "\(path)?\(Self.day)&radius=1", nil)
                #expect(status == .badRequest)
                #expect(body["detail"]?.string == "'radius' must be a number from 10.0 to 500.0")
            }
            let fixes = "member,time,lon,lat\nm1,2026-03-02T08:00:00+08:00,119.72,28.27\nm1,2026-03-02T08:01:00+08:00,119.7205,28.2702\n"
            let (status, body) = try await call(.post, "/v1/patrols?radius=2", fixes)
            #expect(status == .badRequest && body["error"]?.string == "invalid_parameter")
            #expect(try storedFixes() == 0)
            let (ok, _) = try await call(.get, "/v1/coverage?\(Self.day)&radius=10", nil)
            #expect(ok == .ok)
        }
    }

    @Test func heavyWorkBeyondThePermitsIs503WithRetryAfterWhileHealthzAnswers() async throws {
        let gate = HeavyWorkGate(permits: 1, retryAfter: 7)
        let held = try #require(gate.tryAcquire())
        try await withServer(limits: ServerLimits(heavyWork: gate), role: .admin) { call in
            let headers = LiveServer.Call<String>.authorization(call.token)
            for path in ["/v1/coverage?\(Self.day)", "/v1/coverage/gaps?\(Self.day)", "/v1/density/kde", "/v1/export/grids.geojson"] {
                try await call.client.execute(uri: path, method: .get, headers: headers) { response in
                    #expect(response.status == .serviceUnavailable, "\(path)")
                    #expect(response.headers[.retryAfter] == "7")
                    let body = try JSONValue.parse(Data(buffer: response.body))
                    #expect(body["error"]?.string == "busy")
                }
            }
            let (health, _) = try await call(.get, "/healthz", nil)
            #expect(health == .ok)
            held.release()
            let (ok, _) = try await call(.get, "/v1/coverage?\(Self.day)", nil)
            #expect(ok == .ok)
            // The export's permit is held while it streams and given back after: when its writer
            // finishes, which may be a moment after the client read the last byte.
            try await call.client.execute(uri: "/v1/export/grids.geojson", method: .get, headers: headers) { #expect($0.status == .ok) }
            var returned = gate.tryAcquire()
            for _ in 0..<100 where returned == nil {
                try await Task.sleep(for: .milliseconds(20))
                returned = gate.tryAcquire()
            }
            #expect(returned != nil, "the permit came back within 2 s")
        }
    }

    @Test func idleAndHalfSentConnectionsAreClosedAfterTheTimeout() async throws {
        try await withServer(limits: ServerLimits(idleTimeout: .milliseconds(500))) { call in
            let port = try #require(call.client.port)
            let idle = try RawConnection(port: port)
            let halfSent = try RawConnection(port: port)
            halfSent.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
            let kept = try RawConnection(port: port)
            kept.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let start = ContinuousClock.now
            let (idleText, idleClosed) = await idle.receive(for: 15)
            let (halfText, halfClosed) = await halfSent.receive(for: 15)
            let (keptText, keptClosed) = await kept.receive(for: 15)
            #expect(idleClosed && idleText.isEmpty)
            #expect(halfClosed && halfText.isEmpty)
            #expect(keptClosed && keptText.hasPrefix("HTTP/1.1 200"))
            // Closed by the timeout, not by the 15 s the test waits at most (slack for a loaded machine).
            #expect(ContinuousClock.now - start < .seconds(10))
        }
    }

    @Test func aDeclaredLengthOverTheLimitIs413AtOnceEvenWhenExpectingContinue() async throws {
        let limits = ServerLimits(maxBodyBytes: 1 << 20)
        try await withServer(limits: limits) { call in
            let port = try #require(call.client.port)
            let token = try #require(call.token)
            let lying = try RawConnection(port: port)
            lying.send("POST /v1/resolve HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 10000000000\r\n\r\n0123456789")
            let (text, _) = await lying.receive(until: { $0.contains("}") }, for: 15)
            #expect(text.hasPrefix("HTTP/1.1 413"))
            #expect(text.contains("(Content-Length 10000000000 bytes) exceeds 1048576 bytes, the limit of the server's --max-body-bytes"))

            let expecting = try RawConnection(port: port)
            expecting.send("POST /v1/resolve HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                           + "Content-Length: 2000000\r\nExpect: 100-continue\r\n\r\n")
            #expect(await expecting.status(within: 15) == 413)

            // A route with a smaller limit names its own.
            let events = try RawConnection(port: port)
            events.send("POST /v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 70000\r\nExpect: 100-continue\r\n\r\n")
            let (refused, _) = await events.receive(until: { $0.contains("}") }, for: 15)
            #expect(refused.hasPrefix("HTTP/1.1 413"))
            #expect(refused.contains("exceeds 65536 bytes, the limit of POST /v1/events"))
        }
    }

    @Test func brokenChunksAre400AndAClientGoneMidBodyIsNoServerError() async throws {
        let errors = ErrorLog()
        try await withServer(errors: errors) { call in
            let port = try #require(call.client.port)
            let token = try #require(call.token)
            let chunked = try RawConnection(port: port)
            chunked.send("POST /v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                         + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
            #expect(await chunked.status(within: 15) == 400)

            var gone: RawConnection? = try RawConnection(port: port)
            gone?.send("POST /v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 1000\r\n\r\n{\"category\"")
            try await Task.sleep(for: .milliseconds(200))
            gone = nil
            try await Task.sleep(for: .milliseconds(300))
            let (health, _) = try await call(.get, "/healthz", nil)
            #expect(health == .ok)
            let events = try await store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events")! }
            #expect(events == 0)
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
    }

    @Test func aConnectionBeyondTheCapIsClosedOnArrival() async throws {
        try await withServer(limits: ServerLimits(maxConnections: 2)) { call in
            let port = try #require(call.client.port)
            // The test client holds one connection, the first raw one the other.
            _ = try await call(.get, "/healthz", nil)
            var first: RawConnection? = try RawConnection(port: port)
            first?.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(await first?.status(within: 15) == 200)
            let refused = try RawConnection(port: port)
            refused.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let answer = await refused.receive(for: 15)
            #expect(answer.closed && answer.text.isEmpty)
            first = nil
            try await Task.sleep(for: .milliseconds(200))
            let later = try RawConnection(port: port)
            later.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(await later.status(within: 15) == 200)
        }
    }

    @Test func aReadOnlyCopyServesReadsAndRefusesChangesByName() async throws {
        let copy = try Fixtures.scratchDirectory().appendingPathComponent("read-only.sqlite").path
        let token = try store.createToken(name: "copied", role: .dispatcher, by: .test).token
        try await store.pool.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        // Tests run as root, whom file modes do not stop: the flag says what access(W_OK) would.
        let readOnly = try SpatiaLiteStore(path: copy, readOnly: true)
        #expect(readOnly.isReadOnly)
        try await LiveServer.run(readOnly, role: nil, bytes: { ByteBuffer(string: $0) }) { call in
            let (resolved, answer) = try await call(.post, "/v1/resolve", #"{"crs":"wgs84","points":[[119.72,28.27]]}"#, token: token)
            #expect(resolved == .ok && answer["results"]?.array?.first?["grid"]?["code"]?.string != nil, "\(answer)")
            let (refused, body) = try await call(.post, "/v1/events", #"{"category":"fire.ebike","lon":119.72,"lat":28.27}"#, token: token)
            #expect(refused == .serviceUnavailable)
            #expect(body["error"]?.string == "read_only_database")
        }
    }
}
