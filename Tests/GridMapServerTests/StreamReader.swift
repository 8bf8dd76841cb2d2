import AsyncHTTPClient
import Foundation
import GridMapGeometry
import NIOCore

/// A client of `GET /v1/stream` over real HTTP (async-http-client), reading its Server-Sent
/// Events as a browser's EventSource does: `id:` and `data:` lines up to a blank line; comment
/// lines (heartbeats) counted apart. A task reads the body as it comes; `next` takes frames.
actor StreamReader {
    struct Frame: Sendable {
        let id: Int64?
        let data: JSONValue?
    }

    let status: UInt
    private var pending = ""
    private(set) var comments = 0
    private var reading: Task<Void, Never>?

    /// Opens the stream at `url` with these headers (a token, `Last-Event-ID`).
    init(_ url: String, headers: [String: String]) async throws {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        status = response.status.code
        reading = Task { [weak self] in
            do {
                for try await chunk in response.body { await self?.append(String(buffer: chunk)) }
            } catch {}
        }
    }

    private func append(_ text: String) { pending += text }

    /// Stops reading (the connection closes).
    func close() { reading?.cancel() }

    /// The next frame with data, waiting at most `seconds`; nil if none came.
    func next(within seconds: Double = 2) async throws -> Frame? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            while let range = pending.range(of: "\n\n") {
                let block = String(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                var id: Int64?, data: JSONValue?
                for line in block.split(separator: "\n") {
                    if line.hasPrefix(":") { comments += 1 }
                    if line.hasPrefix("id: ") { id = Int64(line.dropFirst(4)) }
                    if line.hasPrefix("data: ") { data = try JSONValue.parse(Data(line.dropFirst(6).utf8)) }
                }
                if data != nil { return Frame(id: id, data: data) }
            }
            guard ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
