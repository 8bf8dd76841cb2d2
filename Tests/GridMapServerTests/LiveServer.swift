import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging

/// GridMap served over real HTTP on loopback for a test.
enum LiveServer {
    /// Sends requests to the server: `call(method, uri, body)` with the server's default token,
    /// `call(method, uri, body, token: t)` with another (nil: none); answers the status and the
    /// parsed JSON body.
    struct Call<Body>: Sendable {
        /// The raw client, for what the answer's JSON does not show (headers).
        let client: any TestClientProtocol
        let bytes: @Sendable (Body) -> ByteBuffer
        /// Sent as `Authorization: Bearer` unless a call names its own.
        let token: String?

        func callAsFunction(_ method: HTTPRequest.Method, _ uri: String, _ body: Body?) async throws -> (HTTPResponse.Status, JSONValue) {
            try await callAsFunction(method, uri, body, token: token)
        }

        func callAsFunction(_ method: HTTPRequest.Method, _ uri: String, _ body: Body?,
                            token: String?) async throws -> (HTTPResponse.Status, JSONValue) {
            try await client.execute(uri: uri, method: method, headers: Self.authorization(token), body: body.map(bytes)) {
                ($0.status, try JSONValue.parse(Data(buffer: $0.body)))
            }
        }

        static func authorization(_ token: String?) -> HTTPFields {
            token.map { [.authorization: "Bearer \($0)"] } ?? [:]
        }

        /// Signs in over `POST /v1/session` as the console does: the session's cookie and CSRF token.
        func signIn(_ name: String, password: String = LiveServer.password) async throws -> SignedIn {
            let body = ByteBuffer(string: #"{"name":"\#(name)","password":"\#(password)"}"#)
            return try await client.execute(uri: "/v1/session", method: .post, body: body) { response in
                guard response.status == .created, let header = response.headers[.setCookie],
                      let pair = header.split(separator: ";").first,
                      let csrf = try JSONValue.parse(Data(buffer: response.body))["csrf_token"]?.string else {
                    throw SignInFailed(status: response.status)
                }
                return SignedIn(cookie: String(pair), csrfToken: csrf)
            }
        }

        /// A call under a signed-in session (its CSRF token sent unless `csrf` is false).
        func callAsFunction(_ method: HTTPRequest.Method, _ uri: String, _ body: Body?, session: SignedIn,
                            csrf: Bool = true) async throws -> (HTTPResponse.Status, JSONValue) {
            try await client.execute(uri: uri, method: method, headers: session.headers(csrf: csrf), body: body.map(bytes)) {
                ($0.status, try JSONValue.parse(Data(buffer: $0.body)))
            }
        }
    }

    /// A signed-in session as a browser holds it.
    struct SignedIn: Sendable {
        /// `gridmap_session=…`, as the `Cookie` header sends it.
        let cookie: String
        let csrfToken: String

        func headers(csrf: Bool = true) -> HTTPFields {
            var fields: HTTPFields = [.cookie: cookie]
            if csrf { fields[HTTPField.Name("X-CSRF-Token")!] = csrfToken }
            return fields
        }
    }

    struct SignInFailed: Error { let status: HTTPResponse.Status }

    /// Hooks that look for work every 20 ms and retry within a quarter of a second: 3 tries, 50 ms then 100 ms apart.
    static let quickHooks = HookSettings(retry: RetryPolicy(attempts: 3, firstDelay: .milliseconds(50)), timeout: .seconds(2),
                                         poll: .milliseconds(20), discovery: .milliseconds(50))

    /// The password of the tests' accounts.
    static let password = "correct horse battery"

    /// Runs `body` against a server over `store` listening on a free port, under `access`; calls
    /// carry a new token of `role` (none when nil), under `limits`, logging to `logger`; request bodies
    /// are sent as `bytes` makes them. The server reads the time from `clock` and sweeps 督办 every
    /// `sweepInterval`.
    static func run<Body>(_ store: SpatiaLiteStore, access: AccessPolicy = AccessPolicy(), role: AccessRole? = .dispatcher,
                          limits: ServerLimits = ServerLimits(), clock: ServerClock = .system, sweepInterval: Duration = .seconds(60),
                          hooks: HookSettings = LiveServer.quickHooks, live: LiveSettings = LiveSettings(poll: .milliseconds(20)), logger: Logger = Logger(label: "gridmap"),
                          bytes: @escaping @Sendable (Body) -> ByteBuffer, _ body: @Sendable (Call<Body>) async throws -> Void) async throws {
        let token = try role.map { try store.createToken(name: "test \($0.rawValue)", role: $0, by: .test).token }
        let app = try GridMapServer.application(store: store, port: 0, limits: limits, access: access, reloadInterval: .seconds(60),
                                                clock: clock, sweepInterval: sweepInterval, hooks: hooks, live: live, logger: logger)
        try await app.test(.live) { client in
            try await body(Call(client: client, bytes: bytes, token: token))
        }
    }
}

extension SpatiaLiteStore {
    /// An account for a test, hashed at bcrypt's lowest cost so that signing in is quick.
    @discardableResult
    func testUser(_ name: String, _ role: AccessRole, scope: AccessScope = .everywhere,
                  password: String = LiveServer.password) throws -> UserAccount {
        try createUser(name: name, role: role, scope: scope, passwordHash: try Password.hash(password, cost: 4), by: .test)
    }
}

extension AuditActor {
    /// Tokens made by the tests.
    static let test = AuditActor(name: "test", role: nil, origin: "test")
}
