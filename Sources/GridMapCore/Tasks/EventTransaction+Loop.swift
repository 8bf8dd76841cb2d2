extension EventTransaction {
    /// Event `id`, which must exist and lie in `scope` (``EventError/notFound(_:)``, ``ScopeError``).
    func event(_ id: Int64, within scope: AccessScope) throws -> EventRecord {
        guard let event = try event(id) else { throw EventError.notFound(id) }
        guard scope.covers(event) else { throw ScopeError(scope: scope, what: "event \(id)") }
        return event
    }

    /// Moves `event` to `status` (``EventStatusChange``) with what follows: the stage it enters
    /// when it leaves its own (``SupervisionPolicy/window(entering:at:overall:)``; for parked, until
    /// `review`); leaving a held status (挂账, 上报: ``EventStatus/isHeld``)
    /// moves the overall deadline on by the time held; dispatching gives the offices their tasks
    /// (`tasks`, else by the routing: ``TaskAssignment/onDispatch(_:platforms:actor:at:)``); going
    /// back to triage, to 挂账 or up to the county withdraws the open ones.
    func move(_ event: EventRecord, to status: EventStatus, actor: String, note: String?, at now: Instant,
              giving tasks: [TaskAssignment]? = nil, review: Instant? = nil) throws {
        var change = try EventStatusChange(event, to: status, actor: actor, note: note, at: now,
                                           dutyLeader: { try dutyLeader(town: $0, date: $1) })
        if event.status.isHeld, let since = event.statusSince, let deadline = event.deadlineAt {
            change.deadlineAt = deadline.adding(milliseconds: now.milliseconds - since.milliseconds)
        }
        if status == .parked, let review {
            change.stage = .enters(.parked(at: now, review: review))
        } else if SupervisionStage(status) != event.supervision.window?.stage || SupervisionStage(status) == nil {
            change.stage = .enters(try supervisionPolicy(town: event.townCode)
                .window(entering: status, at: now, overall: change.deadlineAt ?? event.deadlineAt))
        }
        try apply(change)
        switch status {
        case .dispatched:
            let given = try tasks ?? TaskAssignment.onDispatch(event, platforms: try event.townCode.map(platforms(town:)) ?? [],
                                                               actor: actor, at: now)
            for task in given { _ = try assign(task) }
        case .returned, .parked, .escalated:
            let reason = switch status {
            case .parked: "事件挂账"
            case .escalated: "事件上报县级"
            default: "事件退回研判"
            }
            for task in event.tasks where task.status.isOpen {
                try apply(TaskMove(task, to: .cancelled, reason: reason, actor: actor, at: now))
            }
        default:
            break
        }
    }

    /// Stores a task's move and what follows for its event when it is the lead office's: its
    /// acceptance starts the handling of a dispatched event (in_progress), its rejection sends the
    /// event back to the command room (returned, withdrawing the other open tasks).
    func move(_ task: EventTask, of event: EventRecord, to status: TaskStatus, reason: String?, actor: String, at now: Instant) throws {
        let change = try TaskMove(task, to: status, reason: reason, actor: actor, at: now)
        try apply(change)
        guard task.lead else { return }
        if status == .accepted && event.status == .dispatched {
            try move(event, to: .inProgress, actor: actor, note: "牵头单位\(task.office)签收", at: now)
        } else if status == .rejected && event.status.allowedNext.contains(.returned) {
            var rest = event
            rest.tasks = event.tasks.map { $0.id == task.id ? change.moved : $0 }
            try move(rest, to: .returned, actor: actor, note: "牵头单位\(task.office)退回: \(change.reason ?? "")", at: now)
        }
    }
}
