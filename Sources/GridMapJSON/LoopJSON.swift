import GridMapCore

// The loop's parts of an event beyond its status: its offices' tasks, its consultations and its
// evaluations.

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

    /// An event's evaluations (考核, 回访); masked, the evaluator's name is masked and the remark null.
    public mutating func evaluations(_ evaluations: [EventEvaluation], masked: Bool) {
        array(evaluations) { json, e in
            json.object { json in
                json.key("at"); json.instant(e.at)
                json.key("actor"); json.string(masked ? PersonalMask.name(e.actor) : e.actor)
                json.key("score"); json.number(e.score)
                json.key("satisfaction"); json.string(e.satisfaction.rawValue)
                json.key("satisfaction_name"); json.string(e.satisfaction.name)
                json.key("remark"); json.optionalString(masked ? nil : e.remark)
            }
        }
    }

    /// An event's consultations (研判会商); masked, the people's names are masked and the decision
    /// (which may name people) null.
    public mutating func consultations(_ consultations: [Consultation], masked: Bool) {
        array(consultations) { json, c in json.consultation(c, masked: masked) }
    }

    /// One consultation.
    public mutating func consultation(_ c: Consultation, masked: Bool) {
        object { json in
            json.key("id"); json.number(Int(c.id))
            json.key("held_at"); json.instant(c.heldAt)
            json.key("participants")
            json.object { json in
                json.key("offices"); json.array(c.offices)
                json.key("people"); json.array(masked ? c.people.map(PersonalMask.name) : c.people)
            }
            json.key("decision"); json.optionalString(masked ? nil : c.decision)
            json.key("lead_office"); json.optionalString(c.leadOffice)
            json.key("assisting_offices"); json.array(c.assistingOffices)
            json.key("deadline_at"); json.instant(c.deadlineAt)
            json.key("recorded_by"); json.string(masked ? PersonalMask.name(c.recordedBy) : c.recordedBy)
            json.key("recorded_at"); json.instant(c.recordedAt)
        }
    }
}
