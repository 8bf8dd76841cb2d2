import Foundation
import GridMapCore
import GridMapGeometry
import GridMapJSON
import Hummingbird

/// Events and their closed loop: `POST /v1/events`, `GET /v1/events`, `GET /v1/events/{id}`,
/// `POST /v1/events/{id}/transitions` (with {"to":"triaged"} optionally the command room's
/// corrections, ``TriageRequest``; {"to":"evaluated"} needs `score` 1–5 and `satisfaction`, the
/// note being the reporter's remark, and a dissatisfied one returns the event to triage), and
/// the loop's statuses `GET /v1/statuses`. A new event's id goes into the request's audit entry; an
/// `external_id` that a stored event has answers 409 `duplicate_event` naming that event. The
/// history names the signed-in person or token holder as the actor (an `actor` in a body is
/// ignored). Scoped callers list only their scope's events, get 404 for one outside it and 403
/// `out_of_scope` for reporting or moving one there. Personal fields are masked unless the caller
/// has `view_personal` (保密管理); reads showing them in full are audited.
struct EventsController<Context: AccessRequestContext>: Sendable {
    let store: any EventRepository
    let served: ServedStateHolder
    let clock: ServerClock
    /// Event bodies are small; anything larger is refused.
    static var maxBodyBytes: Int { 64 << 10 }

    func addRoutes(to routes: RouteTable<Context>) {
        routes.post("/v1/events", needs: .manageEvents, use: create)
        routes.get("/v1/events", use: list)
        routes.get("/v1/events/:id", use: show)
        routes.post("/v1/events/:id/transitions", needs: .manageEvents, use: transition)
        routes.get("/v1/statuses") { _, _ in
            var json = JSONWriter()
            json.eventStatuses()
            return json.response()
        }
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody(request, maxBytes: Self.maxBodyBytes)
        let now = clock.now()
        let report = try EventReportParser.parse(body, now: now)
        let resolver = try served.current().boundaries.history.resolver(at: report.reportedAt)
        try PointCheck.validate(report.coordinate, label: "the event's coordinate")
        let point = report.crs.toWGS84(report.coordinate)
        try PointCheck.rejectSwapped(report.coordinate, used: point, crs: report.crs,
                                     resolver: resolver, label: "the event's coordinate")
        let located = try resolver.locate(report, at: point)
        try context.scope.check(located)
        let id = try store.recordEvent(located, actor: context.actor, at: now)
        context.audit.record("event_id", .number(Double(id)))
        var json = JSONWriter(capacity: 2048)
        json.event(try store.event(id)!, now: now, history: true, viewer: context.viewer)
        var response = json.response(status: .created)
        response.headers[.location] = "/v1/events/\(id)"
        return response
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let event = try context.readEvent(from: store)
        var json = JSONWriter(capacity: 2048)
        json.event(event, now: clock.now(), history: true, viewer: context.viewer)
        return json.response()
    }

    @Sendable func transition(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let body = try await JSONBody(request, maxBytes: Self.maxBodyBytes)
        let target = try body.requiredString("to")
        guard let status = EventStatus(rawValue: target) else {
            throw APIError.badRequest("invalid_status", "'to': unknown status '\(target)' (one of: "
                + EventStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let now = clock.now(), note = try body.optionalString("note")
        let triage = try TriageRequest(body)
        if !triage.isEmpty && status != .triaged {
            throw APIError.badRequest("invalid_field", "category, place and routing are corrected at triage: send them with {\"to\":\"triaged\"}")
        }
        let event: EventRecord
        if status == .evaluated {
            let (score, satisfaction) = try Self.evaluation(body)
            event = try store.evaluate(id, score: score, satisfaction: satisfaction, remark: note, actor: context.actor, at: now,
                                       within: context.scope)
        } else if triage.isEmpty {
            event = try store.transition(id, to: status, actor: context.actor, note: note, at: now, within: context.scope)
        } else {
            // A move: outside the scope is refused (403) like any other, inside the transaction.
            guard let current = try store.event(id) else { throw EventError.notFound(id) }
            let state = try served.current()
            let relocated = try triage.relocated(current, locatingBy: try state.boundaries.history.resolver(at: current.reportedAt),
                                                 routingBy: state.boundaries.resolver)
            event = try store.triage(id, relocated: relocated, override: triage.override, actor: context.actor, note: note, at: now,
                                     within: context.scope)
        }
        var json = JSONWriter(capacity: 2048)
        json.event(event, now: now, history: true, viewer: context.viewer)
        return json.response()
    }

    /// `score` (an integer 1–5) and `satisfaction` of an evaluation's body.
    private static func evaluation(_ body: JSONBody) throws -> (Int, Satisfaction) {
        guard body.fields["score"] != nil, body.fields["satisfaction"] != nil else { throw EvaluationError.evaluationRequired }
        let number = try body.requiredNumber("score")
        guard let score = Int(exactly: number) else { throw APIError.badRequest("invalid_field", "'score' must be an integer from 1 to 5") }
        let text = try body.requiredString("satisfaction")
        guard let satisfaction = Satisfaction(rawValue: text) else {
            throw APIError.badRequest("invalid_field", "'satisfaction': unknown value '\(text)' (one of: "
                + Satisfaction.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return (score, satisfaction)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let now = clock.now()
        let asked = try EventQueryParser.parse(request, now: now)
        let query = context.scope.narrowing(asked)
        let events = try query.map(store.events) ?? []
        var json = JSONWriter(capacity: 1024 + events.count * 1024)
        json.eventList(events, now: now, geojson: request.uri.queryParameters["format"] == "geojson",
                       nextCursor: events.count == asked.limit ? events.last?.id : nil, viewer: context.viewer)
        context.audit.disclosed(events: events, to: context.viewer)
        return json.response()
    }
}
