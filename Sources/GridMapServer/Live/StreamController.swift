import GridMapCore
import GridMapJSON
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// `GET /v1/stream` (Server-Sent Events, `read`): every change of the outbox inside the caller's
/// scope as it is committed, `id:` the outbox id and `data:` the message `GET /v1/outbox` lists
/// (`{"id", "type", "at", "event_id", "change", "event"}`), personal fields as the caller may see
/// them. `Last-Event-ID` (or `?after=ID`) first replays what came after that id; a comment line
/// every heartbeat keeps proxies from closing an idle stream. Beyond the feed's client limit: 503
/// `too_many_streams`. Opening a stream that shows personal data is the audited read (保密管理).
struct StreamController<Context: AccessRequestContext>: Sendable {
    let store: any GridMapRepository
    let feed: LiveFeed
    let clock: ServerClock

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/stream", use: stream)
    }

    @Sendable func stream(_ request: Request, context: Context) async throws -> Response {
        let resumeText = request.headers[HTTPField.Name("Last-Event-ID")!]
        let after: Int64?
        if let resumeText {
            guard let id = Int64(resumeText), id >= 0 else {
                throw APIError.badRequest("invalid_field", "Last-Event-ID must be an outbox id (a whole number)")
            }
            after = id
        } else {
            after = try QueryParameters(request).integer("after", in: 0...Int.max).map(Int64.init)
        }
        let subscription = try feed.subscribe()
        let viewer = context.viewer, store = store, clock = clock, feed = feed
        if viewer.seesPersonal { context.audit.disclosed("stream") }
        let body = ResponseBody { writer in
            // A retry hint for EventSource, and a first line so the client knows the stream is open.
            try await writer.write(ByteBuffer(string: "retry: 3000\n: stream open\n\n"))
            var written = after ?? subscription.start
            // Replay: what came after the client's last id up to where the live batches start.
            while written < subscription.start {
                let entries = try store.outbox(after: written, limit: 500).filter { $0.id <= subscription.start }
                guard let last = entries.last?.id else { break }
                let items = try entries.compactMap { entry in try store.event(entry.eventID).map { LiveFeed.Item(entry: entry, event: $0) } }
                try await writer.write(Self.frames(items, viewer: viewer, now: clock.now()))
                written = last
            }
            // The server's graceful shutdown waits for open responses: end this one when it starts.
            try await withGracefulShutdownHandler {
                for await batch in subscription.batches {
                    let fresh = batch.filter { $0.entry.id > written }
                    written = fresh.last?.entry.id ?? written
                    try await writer.write(batch.isEmpty ? ByteBuffer(string: ": heartbeat\n\n") : Self.frames(fresh, viewer: viewer, now: clock.now()))
                }
            } onGracefulShutdown: {
                feed.end(subscription)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"], body: body)
    }

    /// The SSE frames of the items inside the viewer's scope.
    static func frames(_ items: [LiveFeed.Item], viewer: Viewer, now: Instant) -> ByteBuffer {
        var json = JSONWriter(capacity: 256 + items.count * 3072)
        for item in items where viewer.scope.covers(item.event) {
            json.raw(json: "id: \(item.entry.id)\ndata: ")
            json.outboxMessage(item.entry, event: item.event, now: now, viewer: viewer)
            json.raw("\n\n")
        }
        return json.buffer
    }
}
