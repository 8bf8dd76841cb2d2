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
/// `external_id` that a stored local event has answers 409 `duplicate_event` naming that event.
/// A county assignment (`"origin": "county"`, ``EventReportParser``) is idempotent: the first
/// delivery answers 201, the same body again 200 with the stored event (nothing changes), another
/// body under the same `external_id` 409 `external_id_conflict`. Local events need
/// `manage_events`; county assignments `link_county` or `manage_events` (the command room may
/// enter one the county sent by other means). Moving an event out of 上报 (`escalated`) is the
/// county's answer and needs `link_county`; every other move `manage_events`. The
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
        routes.post("/v1/events", needs: .manageEvents, or: .linkCounty, use: create)
        routes.get("/v1/events", use: list)
        routes.get("/v1/events/:id", use: show)
        routes.post("/v1/events/:id/transitions", needs: .manageEvents, or: .linkCounty, use: transition)
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
        if report.origin == .local { try context.requires(.manageEvents, for: "reporting a local event (a county assignment carries \"origin\": \"county\")") }
        let located = try ReportLocating.locate(report, history: served.current().boundaries.history)
        try context.scope.check(located)
        let intake = try store.intake(located, actor: context.actor, at: now)
        context.audit.record("event_id", .number(Double(intake.id)))
        var json = JSONWriter(capacity: 2048)
        json.event(try store.event(intake.id)!, now: now, history: true, viewer: context.viewer)
        var response = json.response(status: intake.created ? .created : .ok)
        response.headers[.location] = "/v1/events/\(intake.id)"
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
        if status == .evaluated || !triage.isEmpty { try context.requires(.manageEvents, for: "evaluating or correcting an event") }
        if status == .evaluated {
            let (score, satisfaction) = try Self.evaluation(body)
            event = try store.evaluate(id, score: score, satisfaction: satisfaction, remark: note, actor: context.actor, at: now,
                                       within: context.scope)
        } else if triage.isEmpty {
            event = try store.transition(id, to: status, actor: context.actor, note: note, at: now, within: context.scope,
                                         by: context.principal?.role)
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
        let format = request.uri.queryParameters["format"].map(String.init)
        let spreadsheet = format == "csv" || format == "xlsx"
        let asked = try EventQueryParser.parse(request, now: now, spreadsheet: spreadsheet)
        let query = context.scope.narrowing(asked)
        let events = try query.map(store.events) ?? []
        context.audit.disclosed(events: events, to: context.viewer)
        if spreadsheet {
            let table = SheetTable(events: events, now: now, seesPersonal: context.viewer.seesPersonal)
            return try .spreadsheet([table], xlsx: format == "xlsx", name: "events")
        }
        var json = JSONWriter(capacity: 1024 + events.count * 1024)
        json.eventList(events, now: now, geojson: request.uri.queryParameters["format"] == "geojson",
                       nextCursor: events.count == asked.limit ? events.last?.id : nil, viewer: context.viewer)
        return json.response()
    }
}
