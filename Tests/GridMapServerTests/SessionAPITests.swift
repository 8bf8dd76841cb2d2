import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite
import GridMapTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Signing in as a person: the session cookie, its CSRF token, lockout, expiry and sign-out over
/// real HTTP on loopback, checked against the store and its audit log.
@Suite struct SessionAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func withServer(_ access: AccessPolicy = AccessPolicy(), _ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, access: access, role: nil, bytes: { ByteBuffer(string: $0) }, body)
    }

    func signInEntries() throws -> [AuditEntry] { try store.auditLog().filter { $0.action == "session create" } }

    static func credentials(_ name: String, _ password: String) -> String { #"{"name":"\#(name)","password":"\#(password)"}"# }

    @Test func aPersonSignsInWithAStrictCookieActsAsThemselvesAndSignsOut() async throws {
        try store.testUser("张三", .dispatcher)
        try await withServer { call in
            let wrong = try await call.client.execute(uri: "/v1/session", method: .post, body: ByteBuffer(string: Self.credentials("张三", "not the password")))
            #expect(wrong.status == .unauthorized && wrong.headers[.setCookie] == nil)
            #expect(try JSONValue.parse(Data(buffer: wrong.body))["error"] == .string("invalid_credentials"))
            #expect(try store.users().first?.failedSignIns == 1, "the failure is counted")

            let signedIn = try await call.client.execute(uri: "/v1/session", method: .post, body: ByteBuffer(string: Self.credentials("张三", LiveServer.password)))
            #expect(signedIn.status == .created)
            let cookie = try #require(signedIn.headers[.setCookie])
            let attributes = Set(cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(attributes.isSuperset(of: ["httponly", "samesite=strict", "path=/", "max-age=43200"]), "\(cookie)")
            #expect(!attributes.contains("secure"), "plain HTTP: a Secure cookie would never be sent back")
            #expect(try store.users().first?.failedSignIns == 0, "a success clears the count")
            let session = try await call.signIn("张三")

            let (status, who) = try await call(.get, "/v1/session", nil, session: session)
            #expect(status == .ok && who["signed_in"] == .bool(true) && who["name"] == .string("张三"))
            #expect(who["role"] == .string("dispatcher") && who["sees_personal"] == .bool(true) && who["via"] == .string("session"))
            #expect(who["csrf_token"]?.string == session.csrfToken)
            // Among other cookies, in one Cookie field or several; a look-alike name is not it.
            let value = try #require(session.cookie.split(separator: "=", maxSplits: 1).last)
            let mixed: [HTTPFields] = [[.cookie: "theme=dark; \(session.cookie); lang=zh"],
                                       [.cookie: "xgridmap_session=\(value)", .cookie: "theme=dark", .cookie: session.cookie]]
            for headers in mixed {
                let answer = try await call.client.execute(uri: "/v1/session", method: .get, headers: headers) { try JSONValue.parse(Data(buffer: $0.body)) }
                #expect(answer["name"] == .string("张三"), "\(headers)")
            }
            let lookalike = try await call.client.execute(uri: "/v1/session", method: .get,
                                                          headers: [.cookie: "xgridmap_session=\(value); gridmap_session_old=\(value)"]) {
                try JSONValue.parse(Data(buffer: $0.body))
            }
            #expect(lookalike == .object(["signed_in": .bool(false)]))

            // The body's actor is not trusted: the history names the person signed in.
            let body = EventsAPITests.valid.replacingOccurrences(of: "{", with: #"{"actor":"冒充者","#)
            let (created, event) = try await call(.post, "/v1/events", body, session: session)
            #expect(created == .created)
            let id = Int64(try #require(event["id"]?.number))
            let (moved, _) = try await call(.post, "/v1/events/\(id)/transitions", #"{"to":"triaged","actor":"冒充者"}"#, session: session)
            #expect(moved == .ok)
            #expect(try store.event(id)?.history.map(\.actor) == ["张三", "张三"])
            #expect(try store.auditLog().last { $0.action == "POST /v1/events" }?.actor == "张三")

            // Sign-out ends the session at once; the old cookie is then nobody's.
            let out = try await call.client.execute(uri: "/v1/session", method: .delete, headers: session.headers())
            #expect(out.status == .noContent && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let (after, _) = try await call(.post, "/v1/events", EventsAPITests.valid, session: session)
            #expect(after == .unauthorized)
            let (nobody, none) = try await call(.get, "/v1/session", nil, session: session)
            #expect(nobody == .ok && none == .object(["signed_in": .bool(false)]))
        }
        #expect(try signInEntries().map(\.status) == [401, 201, 201])
        #expect(try store.auditLog().contains { $0.action == "session delete" && $0.actor == "张三" })
    }

    @Test func aChangeWithTheCookieButWithoutItsCSRFTokenIsRefusedAndStoresNothing() async throws {
        try store.testUser("李四", .dispatcher)
        try await withServer { call in
            let session = try await call.signIn("李四")
            let (refused, answer) = try await call(.post, "/v1/events", EventsAPITests.valid, session: session, csrf: false)
            #expect(refused == .forbidden && answer["error"] == .string("csrf"))
            let forged = LiveServer.SignedIn(cookie: session.cookie, csrfToken: "guessed")
            let (wrongToken, _) = try await call(.post, "/v1/events", EventsAPITests.valid, session: forged)
            #expect(wrongToken == .forbidden)
            #expect(try store.lastEventID() == 0)
            let (reads, _) = try await call(.get, "/v1/events", nil, session: session, csrf: false)
            #expect(reads == .ok, "reads need no CSRF token")
        }
    }

    @Test func repeatedFailuresLockTheAccountEvenForTheRightPassword() async throws {
        try store.testUser("王五", .leader)
        let policy = AccessPolicy(signIn: SignInPolicy(freeFailures: 2, firstLock: .seconds(60), longestLock: .seconds(600)))
        try await withServer(policy) { call in
            for _ in 0..<3 {
                let (status, _) = try await call(.post, "/v1/session", Self.credentials("王五", "wrong password!"), token: nil)
                #expect(status == .unauthorized)
            }
            let locked = try await call.client.execute(uri: "/v1/session", method: .post, body: ByteBuffer(string: Self.credentials("王五", LiveServer.password)))
            #expect(locked.status == .tooManyRequests)
            let retry = Int(locked.headers[.retryAfter] ?? "") ?? 0
            #expect((50...60).contains(retry), "Retry-After \(retry)")
            #expect(try JSONValue.parse(Data(buffer: locked.body))["error"] == .string("signin_locked"))
            let (unknown, _) = try await call(.post, "/v1/session", Self.credentials("无此人", LiveServer.password), token: nil)
            #expect(unknown == .unauthorized, "an unknown name answers as a wrong password")
        }
        #expect(try signInEntries().map(\.status) == [401, 401, 401, 429, 401])
        #expect(try signInEntries()[2].detail["outcome"] == .string("wrong_password_locked"))
        #expect(try store.users().first.map { ($0.failedSignIns, $0.lockedUntil != nil) } ?? (0, false) == (3, true))
    }

    @Test func aSessionEndsWhenIdleAndAtItsAbsoluteExpiry() async throws {
        try store.testUser("赵六", .gis)
        try await withServer(AccessPolicy(sessionIdle: .milliseconds(1500), sessionLifetime: .seconds(3600))) { call in
            let session = try await call.signIn("赵六")
            let (fresh, _) = try await call(.get, "/v1/export/towns.geojson", nil, session: session)
            #expect(fresh == .ok)
            try await Task.sleep(for: .milliseconds(2500))
            let (idle, _) = try await call(.get, "/v1/export/towns.geojson", nil, session: session)
            #expect(idle == .unauthorized)
        }
        // Used every 0.6 s (never idle for 1.5 s), the session still ends 2.5 s after sign-in.
        try await withServer(AccessPolicy(sessionIdle: .milliseconds(1500), sessionLifetime: .milliseconds(2500))) { call in
            let session = try await call.signIn("赵六")
            let signedIn = ContinuousClock.now
            for _ in 0..<3 {
                let (used, _) = try await call(.get, "/v1/export/towns.geojson", nil, session: session)
                if ContinuousClock.now - signedIn < .milliseconds(2400) { #expect(used == .ok) }
                try await Task.sleep(for: .milliseconds(600))
            }
            try await Task.sleep(until: signedIn + .milliseconds(3000))
            let (expired, _) = try await call(.get, "/v1/export/towns.geojson", nil, session: session)
            #expect(expired == .unauthorized, "used all along, the session still ends at its lifetime")
        }
    }

    @Test func aDisabledAccountsSessionStopsWithinTheRecheckTime() async throws {
        try store.testUser("钱七", .dispatcher)
        try await withServer(AccessPolicy(tokenRecheck: .milliseconds(100))) { call in
            let session = try await call.signIn("钱七")
            _ = try store.setUserDisabled(name: "钱七", true, by: .test)
            try await Task.sleep(for: .milliseconds(150))
            let (status, _) = try await call(.get, "/v1/events", nil, session: session)
            #expect(status == .unauthorized)
            let (again, _) = try await call(.post, "/v1/session", Self.credentials("钱七", LiveServer.password), token: nil)
            #expect(again == .unauthorized)
        }
    }

    @Test func theCookieIsSecureBehindAnHTTPSProxy() async throws {
        try store.testUser("孙八", .planner)
        try await withServer { call in
            let answer = try await call.client.execute(uri: "/v1/session", method: .post, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"],
                                                       body: ByteBuffer(string: Self.credentials("孙八", LiveServer.password)))
            #expect(answer.headers[.setCookie]?.lowercased().contains("secure") == true)
        }
    }
}
