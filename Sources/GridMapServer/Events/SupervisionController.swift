import GridMapCore
import GridMapJSON
import Hummingbird

/// 督办 and 延期 of an event:
/// `GET /v1/events/{id}/supervision` (level, light, stage, records, extensions);
/// `POST /v1/events/{id}/supervisions {"level": 2|3, "note"?}` (201, the record; 3 needs `approve`);
/// `POST /v1/events/{id}/supervisions/{sid}/reply {"reply"}` (the office's answer);
/// `POST /v1/events/{id}/extensions {"until", "reason"}` (201, a pending request; `until` a time,
/// or a plain date meaning the end of that Beijing day);
/// `POST /v1/events/{id}/extensions/{xid}/decision {"approve": true|false, "note"?}` (a leader's);
/// `GET /v1/extensions?status=pending|approved|refused` (default pending: what leaders approve);
/// `POST /v1/events/{id}/parking {"reason", "review_on"}` (挂账, a leader's; the event after it).
/// Scope and masking as for events.
struct SupervisionController<Context: AccessRequestContext>: Sendable {
    let store: any EventRepository
    let clock: ServerClock

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/events/:id/supervision", use: show)
        routes.post("/v1/events/:id/supervisions", needs: .supervise, use: supervise)
        routes.post("/v1/events/:id/supervisions/:record/reply", needs: .manageEvents, use: reply)
        routes.post("/v1/events/:id/extensions", needs: .manageEvents, use: requestExtension)
        routes.post("/v1/events/:id/extensions/:extension/decision", needs: .approve, use: decide)
        routes.get("/v1/extensions", use: extensions)
        routes.post("/v1/events/:id/parking", needs: .approve, use: park)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let event = try context.readEvent(from: store)
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.key("supervision"); json.eventSupervision(event, now: clock.now(), viewer: context.viewer)
        }
        return json.response()
    }

    @Sendable func supervise(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let body = try await JSONBody(request, maxBytes: EventsController<Context>.maxBodyBytes)
        let number = try body.requiredNumber("level")
        guard let level = Int(exactly: number) else { throw APIError.badRequest("invalid_level", "'level' must be 2 (督办) or 3 (领导督办)") }
        if level == SupervisionLevel.leaderSupervised.rawValue, context.principal?.role.may(.approve) != true {
            throw APIError(.forbidden, "forbidden", "领导督办 (level 3) is issued by a leader: a role with approve ("
                + Permission.approve.roles.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let record = try store.supervise(id, level: level, note: try body.optionalString("note"), actor: context.actor,
                                         at: clock.now(), within: context.scope)
        context.audit.record("supervision_id", .number(Double(record.id)))
        return try recordResponse(record, of: id, context: context, status: .created)
    }

    @Sendable func reply(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let recordID = try context.parameters.id("record", what: "a supervision record")
        let body = try await JSONBody(request, maxBytes: EventsController<Context>.maxBodyBytes)
        let record = try store.reply(id, to: recordID, text: try body.requiredString("reply"), actor: context.actor,
                                     at: clock.now(), within: context.scope)
        return try recordResponse(record, of: id, context: context, status: .ok)
    }

    @Sendable func requestExtension(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let body = try await JSONBody(request, maxBytes: EventsController<Context>.maxBodyBytes)
        guard let until = try body.optionalDeadline("until") else { throw APIError.badRequest("missing_field", "'until' is required") }
        let stored = try store.requestExtension(id, until: until, reason: try body.requiredString("reason"), actor: context.actor,
                                                at: clock.now(), within: context.scope)
        context.audit.record("extension_id", .number(Double(stored.id)))
        return try extensionResponse(stored, of: id, context: context, status: .created)
    }

    @Sendable func decide(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let extensionID = try context.parameters.id("extension", what: "an extension request")
        let body = try await JSONBody(request, maxBytes: EventsController<Context>.maxBodyBytes)
        guard let approve = try body.optionalBool("approve") else { throw APIError.badRequest("missing_field", "'approve' is required") }
        let decided = try store.decideExtension(id, extension: extensionID, approve: approve, note: try body.optionalString("note"),
                                                actor: context.actor, at: clock.now(), within: context.scope)
        return try extensionResponse(decided, of: id, context: context, status: .ok)
    }

    @Sendable func extensions(_ request: Request, context: Context) async throws -> Response {
        let text = QueryParameters(request).text("status") ?? ExtensionStatus.pending.rawValue
        guard let status = ExtensionStatus(rawValue: text) else {
            throw APIError.badRequest("invalid_parameter", "'status' must be one of: "
                + ExtensionStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let found = try store.extensions(status, within: context.scope)
        var json = JSONWriter(capacity: 256 + found.count * 400)
        json.object { json in
            json.key("extensions")
            json.array(found) { json, x in json.stageExtension(x, masked: !context.viewer.seesPersonal) }
        }
        return json.response()
    }

    @Sendable func park(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let body = try await JSONBody(request, maxBytes: EventsController<Context>.maxBodyBytes)
        guard let review = try body.optionalDeadline("review_on") else { throw APIError.badRequest("missing_field", "'review_on' is required") }
        let now = clock.now()
        let event = try store.park(id, reason: try body.requiredString("reason"), review: review, actor: context.actor, at: now,
                                   within: context.scope)
        var json = JSONWriter(capacity: 2048)
        json.event(event, now: now, history: true, viewer: context.viewer)
        return json.response()
    }

    private func recordResponse(_ record: SupervisionRecord, of id: Int64, context: Context, status: HTTPResponse.Status) throws -> Response {
        var json = JSONWriter(capacity: 512)
        json.supervisionRecord(record, masked: !context.viewer.seesPersonal(try event(id)))
        return json.response(status: status)
    }

    private func extensionResponse(_ x: StageExtension, of id: Int64, context: Context, status: HTTPResponse.Status) throws -> Response {
        var json = JSONWriter(capacity: 512)
        json.stageExtension(x, masked: !context.viewer.seesPersonal(try event(id)))
        return json.response(status: status)
    }

    private func event(_ id: Int64) throws -> EventRecord {
        guard let event = try store.event(id) else { throw EventError.notFound(id) }
        return event
    }
}
