import Foundation
import GridMapGeometry
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A hook's receiver on loopback for a test: a real HTTP server that records every POST (headers
/// and body, in arrival order) and answers with the status its script gives for that delivery's
/// try, optionally after a pause longer than the sender's timeout.
actor LoopbackReceiver {
    struct Delivery: Sendable {
        let event: String?
        let delivery: Int64?
        let signature: String?
        let body: Data

        var json: JSONValue? { try? JSONValue.parse(body) }
    }

    private(set) var received: [Delivery] = []
    /// The status to answer each try of one delivery id with (`[500, 500, 200]`: two failures, then
    /// accepted); past the end the last one again. Empty: always 200.
    private var script: [HTTPResponse.Status]
    private var pause: Duration?

    init(script: [HTTPResponse.Status] = [], pause: Duration? = nil) {
        self.script = script
        self.pause = pause
    }

    func answer(with script: [HTTPResponse.Status]) { self.script = script }

    private func record(_ delivery: Delivery) -> (HTTPResponse.Status, Duration?) {
        let tries = received.filter { $0.delivery == delivery.delivery }.count
        received.append(delivery)
        let status = script.isEmpty ? .ok : script[min(tries, script.count - 1)]
        return (status, pause)
    }

    /// The distinct delivery ids received (as a receiver honouring `X-GridMap-Delivery` keeps them), in first-arrival order.
    var deliveredIDs: [Int64] {
        var seen = Set<Int64>()
        return received.compactMap(\.delivery).filter { seen.insert($0).inserted }
    }

    /// Waits up to `seconds` until `condition` holds over what was received.
    func wait(seconds: Double = 5, until condition: @Sendable ([Delivery]) -> Bool) async throws -> [Delivery] {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !condition(received) {
            guard ContinuousClock.now < deadline else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return received
    }

    /// Runs `body` with the receiver listening; it is given the URL to register.
    func serve(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let delivery = Delivery(event: request.headers[HTTPField.Name("X-GridMap-Event")!],
                                    delivery: request.headers[HTTPField.Name("X-GridMap-Delivery")!].flatMap { Int64($0) },
                                    signature: request.headers[HTTPField.Name("X-GridMap-Signature")!], body: Data(buffer: bytes))
            let (status, pause) = await self.record(delivery)
            if let pause { try await Task.sleep(for: pause) }
            return Response(status: status)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/hook")
        }
    }
}
