import GridMapCore
import GridMapJSON
import Hummingbird

/// 研判会商 on an event: `POST /v1/events/{id}/consultations {"participants": [offices or people],
/// "decision", "held_at"?, "lead_office"?, "assisting_offices"?, "deadline"?, "dispatch"?}` (201,
/// the consultation; with `"dispatch": true` the event is also dispatched to the decided offices,
/// ``EventRepository/consult(_:_:actor:at:within:)``) and `GET /v1/events/{id}/consultations`.
/// Scope and masking as for events.
struct ConsultationsController<Context: AccessRequestContext>: Sendable {
    let store: any EventRepository
    let clock: ServerClock

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/events/:id/consultations", use: list)
        routes.post("/v1/events/:id/consultations", needs: .manageEvents, use: create)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let event = try context.readEvent(from: store)
        var json = JSONWriter(capacity: 512 + event.consultations.count * 400)
        json.object { json in
            json.key("consultations"); json.consultations(event.consultations, masked: !context.viewer.seesPersonal(event))
        }
        return json.response()
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let body = try await JSONBody(request, maxBytes: EventsController<Context>.maxBodyBytes)
        let consultation = ConsultationRequest(
            heldAt: try body.optionalInstant("held_at"), participants: try body.optionalStrings("participants") ?? [],
            decision: try body.optionalString("decision") ?? "", leadOffice: try body.optionalString("lead_office"),
            assistingOffices: try body.optionalStrings("assisting_offices") ?? [], deadline: try body.optionalDeadline("deadline"),
            dispatch: try body.optionalBool("dispatch") ?? false)
        let (event, stored) = try store.consult(id, consultation, actor: context.actor, at: clock.now(), within: context.scope)
        context.audit.record("consultation_id", .number(Double(stored)))
        var json = JSONWriter(capacity: 1024)
        json.consultation(event.consultations.last { $0.id == stored }!, masked: !context.viewer.seesPersonal(event))
        var response = json.response(status: .created)
        response.headers[.location] = "/v1/events/\(id)/consultations"
        return response
    }
}
