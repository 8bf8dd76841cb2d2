import GridMapCore
import GridMapJSON
import Hummingbird

/// The outbox's receivers (`administer`):
/// - `POST /v1/hooks {"url", "secret", "events": [topics] | ["*"], "town"?, "channel"?: webhook |
///   wecom | sms, "template"?}` registers one (201); it receives the changes made after;
/// - `GET /v1/hooks` lists them (never their secrets) with how far each has got (`cursor`, `lag`);
/// - `DELETE /v1/hooks/{id}` removes one (204) and its dead letters;
/// - `GET /v1/hooks/{id}/deliveries` lists its failed deliveries, newest first;
/// - `POST /v1/hooks/{id}/deliveries/{outbox_id}/resend` sends one again (202), before anything new.
struct HooksController<Context: AccessRequestContext>: Sendable {
    let store: any GridMapRepository
    let served: ServedStateHolder
    let clock: ServerClock

    func addRoutes(to routes: RouteTable<Context>) {
        routes.post("/v1/hooks", needs: .administer, use: register)
        routes.get("/v1/hooks", needs: .administer, use: list)
        routes.delete("/v1/hooks/:id", needs: .administer, use: delete)
        routes.get("/v1/hooks/:id/deliveries", needs: .administer, use: deliveries)
        routes.post("/v1/hooks/:id/deliveries/:delivery/resend", needs: .administer, use: resend)
    }

    @Sendable func register(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody(request, maxBytes: 16 * 1024)
        guard let events = try body.optionalStrings("events") else {
            throw APIError.badRequest("missing_field", "'events' (an array of topics, or [\"*\"]) is required")
        }
        let towns = Set(try served.current().boundaries.snapshot.towns.map(\.unit.code))
        let registration = try HookRegistration(url: try body.requiredString("url"), secret: try body.requiredString("secret"), events: events,
                                                town: try body.optionalString("town"), channel: try body.optionalString("channel"),
                                                template: try body.optionalString("template"), knownTowns: towns)
        let hook = try store.createHook(registration, actor: context.actor, at: clock.now())
        var json = JSONWriter()
        json.hook(hook, lastOutboxID: hook.cursor)
        return json.response(status: .created)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let hooks = try store.hooks(), last = try store.lastOutboxID()
        var json = JSONWriter(capacity: 256 + hooks.count * 512)
        json.object { json in
            json.key("hooks")
            json.array(hooks) { json, hook in json.hook(hook, lastOutboxID: last) }
        }
        return json.response()
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "hook")
        guard try store.deleteHook(id) else { throw HookError.unknownHook(id) }
        return Response(status: .noContent)
    }

    @Sendable func deliveries(_ request: Request, context: Context) async throws -> Response {
        let id = try existing(context)
        let limit = try QueryParameters(request).integer("limit", in: 1...1000) ?? 100
        let letters = try store.deadLetters(hook: id, limit: limit)
        var json = JSONWriter(capacity: 256 + letters.count * 256)
        json.object { json in
            json.key("deliveries")
            json.array(letters) { json, letter in json.deadLetter(letter) }
        }
        return json.response()
    }

    @Sendable func resend(_ request: Request, context: Context) async throws -> Response {
        let id = try existing(context)
        let letter = try store.resend(hook: id, outboxID: try context.parameters.id("delivery", what: "delivery"))
        var json = JSONWriter()
        json.deadLetter(letter)
        return json.response(status: .accepted)
    }

    private func existing(_ context: Context) throws -> Int64 {
        let id = try context.parameters.id("id", what: "hook")
        guard try store.hook(id) != nil else { throw HookError.unknownHook(id) }
        return id
    }
}
