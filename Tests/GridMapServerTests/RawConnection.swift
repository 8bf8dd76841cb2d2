import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import Synchronization

/// A plain TCP connection to a test server on loopback, for what an HTTP client will not send:
/// half-sent headers, lying lengths, broken chunks, a client gone mid-body. Blocking socket calls
/// run on a Dispatch thread, never on the cooperative pool the server's handlers need.
final class RawConnection: Sendable {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { Glibc.close(socket); throw POSIXError(.ECONNREFUSED) }
    }

    deinit { Glibc.close(socket) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// What the server sends within `seconds`, and whether it closed the connection by then. Waits
    /// block a thread of their own, never one of Dispatch's pool, which the server's work needs.
    func receive(for seconds: Double) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in continuation.resume(returning: self.blockingReceive(seconds)) }
        }
    }

    /// The first `HTTP/1.1 NNN` status line the server sends within `seconds`, nil if none.
    func status(within seconds: Double) async -> Int? {
        let (text, _) = await receive(until: { $0.contains("\r\n") }, for: seconds)
        guard text.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }

    /// Reads until `done` holds for what arrived, the server closes, or `seconds` pass.
    func receive(until done: @escaping @Sendable (String) -> Bool, for seconds: Double) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in continuation.resume(returning: self.blockingReceive(seconds, until: done)) }
        }
    }

    private func blockingReceive(_ seconds: Double, until done: (String) -> Bool = { _ in false }) -> (String, Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            guard ready > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received += buffer[..<count]
            if done(String(decoding: received, as: UTF8.self)) { break }
        }
        return (String(decoding: received, as: UTF8.self), false)
    }
}

/// Log messages at error level or above, to show a server treats a client's fault as no error of its own.
final class ErrorLog: Sendable {
    private let messages = Mutex<[String]>([])

    var all: [String] { messages.withLock { $0 } }

    /// A logger whose errors land here.
    var logger: Logger {
        Logger(label: "gridmap") { _ in Handler(log: self) }
    }

    private struct Handler: LogHandler {
        let log: ErrorLog
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if event.level >= .error { log.messages.withLock { $0.append("\(event.message)") } }
        }
    }
}
