import AsyncHTTPClient
import GridMapCore
import NIOCore
import NIOHTTP1

/// POSTs one delivery to a receiver (async-http-client's shared pool): JSON, with
/// `X-GridMap-Event`, `X-GridMap-Delivery` and `X-GridMap-Signature`.
struct HookSender: Sendable {
    var client: HTTPClient = .shared
    let timeout: Duration

    /// Nil when the receiver answered 2xx; otherwise why not (its status, a timeout, a refused connection).
    func post(_ body: ByteBuffer, to hook: Hook, entry: OutboxEntry) async -> String? {
        var request = HTTPClientRequest(url: hook.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "GridMap-Hooks")
        request.headers.add(name: "X-GridMap-Event", value: entry.topic.rawValue)
        request.headers.add(name: "X-GridMap-Delivery", value: String(entry.id))
        request.headers.add(name: "X-GridMap-Signature", value: HookSignature.header(body: body, secret: hook.secret))
        request.body = .bytes(body)
        do {
            let response = try await client.execute(request, timeout: TimeAmount(timeout))
            // Read (and drop) what it answered, so the connection can be used again.
            for try await _ in response.body {}
            return (200..<300).contains(response.status.code) ? nil : "HTTP \(response.status.code)"
        } catch {
            return String(describing: error)
        }
    }
}
