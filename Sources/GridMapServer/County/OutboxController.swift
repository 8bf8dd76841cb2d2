import GridMapCore
import GridMapJSON
import Hummingbird

/// `GET /v1/outbox?after=ID&limit=N` (`link_county`): the changes after `after` (default 0),
/// oldest first, for a county system that polls instead of receiving hooks — each as it is
/// delivered (``JSONWriter/outboxMessage(_:event:now:viewer:)``), only those of events inside
/// the caller's scope, personal fields as the caller may see them. `next_after` is the last row
/// looked at (rows outside the scope included): poll again with it; it equals `after` when
/// nothing is new.
struct OutboxController<Context: AccessRequestContext>: Sendable {
    let store: any GridMapRepository
    let clock: ServerClock

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/outbox", needs: .linkCounty, use: list)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let parameters = QueryParameters(request)
        let after = try parameters.integer("after", in: 0...Int.max) ?? 0
        let limit = try parameters.integer("limit", in: 1...1000) ?? 100
        let entries = try store.outbox(after: Int64(after), limit: limit)
        let now = clock.now(), viewer = context.viewer
        let shown = try entries.compactMap { entry in
            try store.event(entry.eventID).flatMap { viewer.scope.covers($0) ? (entry, $0) : nil }
        }
        var json = JSONWriter(capacity: 1024 + shown.count * 3072)
        json.object { json in
            json.key("entries")
            json.array(shown) { json, pair in json.outboxMessage(pair.0, event: pair.1, now: now, viewer: viewer) }
            json.key("next_after"); json.number(Int(entries.last?.id ?? Int64(after)))
        }
        context.audit.disclosed(events: shown.map(\.1), to: viewer)
        return json.response()
    }
}
