import GridMapCore

extension JSONWriter {
    /// An event's tasks (联勤联动), each with the moves its loop allows; masked, the assigner's
    /// name is masked and the note and reason (which may name people) are null.
    public mutating func tasks(_ tasks: [EventTask], now: Instant, masked: Bool) {
        array(tasks) { json, task in json.task(task, now: now, masked: masked) }
    }

    /// One task.
    public mutating func task(_ task: EventTask, now: Instant, masked: Bool) {
        object { json in
            json.key("id"); json.number(Int(task.id))
            json.key("office"); json.string(task.office)
            json.key("lead"); json.bool(task.lead)
            json.key("status"); json.string(task.status.rawValue)
            json.key("status_name"); json.string(task.status.name)
            json.key("allowed_next"); json.array(task.status.allowedNext.map(\.rawValue))
            json.key("overdue"); json.bool(task.isOverdue(at: now))
            json.key("deadline_at"); json.instant(task.deadlineAt)
            json.key("assigned_at"); json.instant(task.assignedAt)
            json.key("assigned_by"); json.string(masked ? PersonalMask.name(task.assignedBy) : task.assignedBy)
            json.key("accepted_at"); json.instant(task.acceptedAt)
            json.key("closed_at"); json.instant(task.closedAt)
            json.key("note"); json.optionalString(masked ? nil : task.note)
            json.key("reason"); json.optionalString(masked ? nil : task.reason)
        }
    }

    /// `open_tasks` of a refused resolution: each task's id, office and status.
    public mutating func openTasks(_ tasks: [OpenTask]) {
        array(tasks) { json, task in
            json.object { json in
                json.key("id"); json.number(Int(task.id))
                json.key("office"); json.string(task.office)
                json.key("status"); json.string(task.status.rawValue)
            }
        }
    }
}
