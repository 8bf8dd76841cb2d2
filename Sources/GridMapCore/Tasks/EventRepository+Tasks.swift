extension EventRepository {
    /// Gives `office` a task on event `id` (``TaskAssignment``), with a history entry; returns
    /// the event and the new task's id.
    public func assignTask(event id: Int64, office: String, note: String?, deadline: Instant?, actor: String,
                           at now: Instant, within scope: AccessScope = .everywhere) throws -> (event: EventRecord, task: Int64) {
        try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            let platforms = try event.townCode.map(transaction.platforms(town:)) ?? []
            let task = try transaction.assign(TaskAssignment(event, office: office, note: note, deadline: deadline,
                                                             platforms: platforms, actor: actor, at: now))
            return (try transaction.event(id)!, task)
        }
    }

    /// Moves task `taskID` of event `id` to `status` (``TaskMove``), with what follows for the
    /// event (``EventTransaction/move(_:of:to:reason:actor:at:)``), in one transaction.
    public func moveTask(_ taskID: Int64, of id: Int64, to status: TaskStatus, reason: String?, actor: String,
                         at now: Instant, within scope: AccessScope = .everywhere) throws -> EventRecord {
        try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            guard let task = event.tasks.first(where: { $0.id == taskID }) else { throw TaskError.notFound(event: id, task: taskID) }
            try transaction.move(task, of: event, to: status, reason: reason, actor: actor, at: now)
            return try transaction.event(id)!
        }
    }
}
