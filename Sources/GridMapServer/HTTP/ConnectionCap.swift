import NIOCore
import Synchronization

/// The most connections open at once. A connection beyond it is closed as soon as it is
/// accepted, before a byte is read: under a flood of idle or slow connections the server keeps
/// its memory and file descriptors, and a client can retry. (Hummingbird's own
/// `availableConnectionsDelegate` would leave such connections in the listen backlog instead,
/// but its test server drops that setting, so it could not be tested.)
final class ConnectionCap: Sendable {
    let maximum: Int
    private let open = Mutex(0)

    init(maximum: Int) { self.maximum = maximum }

    /// A handler for one new connection's pipeline.
    func handler() -> any RemovableChannelHandler { Handler(cap: self) }

    /// Counts one connection while it is open; closes it when it is one too many.
    private final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny
        let cap: ConnectionCap
        private var counted = false

        init(cap: ConnectionCap) { self.cap = cap }

        func handlerAdded(context: ChannelHandlerContext) {
            counted = cap.open.withLock { open in
                guard open < cap.maximum else { return false }
                open += 1
                return true
            }
            if !counted { context.close(promise: nil) }
        }

        func handlerRemoved(context: ChannelHandlerContext) { release() }

        func channelInactive(context: ChannelHandlerContext) {
            release()
            context.fireChannelInactive()
        }

        private func release() {
            guard counted else { return }
            counted = false
            cap.open.withLock { $0 -= 1 }
        }
    }
}
