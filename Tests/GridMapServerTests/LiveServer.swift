import Foundation
import GridMapGeometry
import GridMapServer
import GridMapStore
import Hummingbird
import HummingbirdTesting

/// GridMap served over real HTTP on loopback for a test.
enum LiveServer {
    /// Sends a request (method, URI, body) and answers the status and the parsed JSON body.
    typealias Call<Body> = (_ method: HTTPRequest.Method, _ uri: String, _ body: Body?) async throws -> (HTTPResponse.Status, JSONValue)

    /// Runs `body` against a server over `store` listening on a free port; request bodies are
    /// sent as `bytes` makes them.
    static func run<Body>(_ store: GridMapStore, bytes: @escaping @Sendable (Body) -> ByteBuffer,
                          _ body: @Sendable (Call<Body>) async throws -> Void) async throws {
        let app = try GridMapServer.application(store: store, port: 0, reloadInterval: .seconds(60))
        try await app.test(.live) { client in
            try await body { method, uri, content in
                try await client.execute(uri: uri, method: method, body: content.map(bytes)) {
                    ($0.status, try JSONValue.parse(Data(buffer: $0.body)))
                }
            }
        }
    }
}
