import GridMapCore
import GridMapJSON
import Hummingbird

/// The offices' tasks on an event (联勤联动): `GET /v1/events/{id}/tasks`,
/// `POST /v1/events/{id}/tasks {"office", "note"?, "deadline"?}` (201, the task; the deadline an
/// ISO 8601 time, Beijing when it has no zone, or a plain date meaning the end of that Beijing
/// day; default the event's deadline) and
/// `POST /v1/events/{id}/tasks/{task}/transitions {"to", "reason"?}` (the task after the move;
/// a reason is required to reject or cancel). Scope and masking as for events.
struct TasksController<Context: AccessRequestContext>: Sendable {
    let store: any EventRepository
    let clock: ServerClock

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/events/:id/tasks", use: list)
        routes.post("/v1/events/:id/tasks", needs: .manageEvents, use: assign)
        routes.post("/v1/events/:id/tasks/:task/transitions", needs: .manageEvents, use: transition)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let event = try context.readEvent(from: store)
        var json = JSONWriter(capacity: 512 + event.tasks.count * 400)
        let masked = !context.viewer.seesPersonal(event)
        json.object { json in
            json.key("tasks"); json.tasks(event.tasks, now: clock.now(), masked: masked)
        }
        return json.response()
    }

    @Sendable func assign(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let body = try await JSONBody(request, maxBytes: EventsController<Context>.maxBodyBytes)
        let now = clock.now()
        let (event, taskID) = try store.assignTask(event: id, office: try body.requiredString("office"),
                                                   note: try body.optionalString("note"),
                                                   deadline: try body.optionalDeadline("deadline"),
                                                   actor: context.actor, at: now, within: context.scope)
        context.audit.record("task_id", .number(Double(taskID)))
        var response = try Self.taskResponse(taskID, of: event, now: now, context: context, status: .created)
        response.headers[.location] = "/v1/events/\(id)/tasks/\(taskID)"
        return response
    }

    @Sendable func transition(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.id("id", what: "an event")
        let taskID = try context.parameters.id("task", what: "a task")
        let body = try await JSONBody(request, maxBytes: EventsController<Context>.maxBodyBytes)
        let target = try body.requiredString("to")
        guard let status = TaskStatus(rawValue: target) else {
            throw APIError.badRequest("invalid_status", "'to': unknown task status '\(target)' (one of: "
                + TaskStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let now = clock.now()
        let event = try store.moveTask(taskID, of: id, to: status, reason: try body.optionalString("reason"),
                                       actor: context.actor, at: now, within: context.scope)
        return try Self.taskResponse(taskID, of: event, now: now, context: context, status: .ok)
    }

    private static func taskResponse(_ taskID: Int64, of event: EventRecord, now: Instant, context: Context,
                                     status: HTTPResponse.Status) throws -> Response {
        guard let task = event.tasks.first(where: { $0.id == taskID }) else { throw TaskError.notFound(event: event.id, task: taskID) }
        var json = JSONWriter(capacity: 512)
        json.task(task, now: now, masked: !context.viewer.seesPersonal(event))
        return json.response(status: status)
    }
}
