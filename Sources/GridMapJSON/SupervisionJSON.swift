import GridMapCore

// An event's 督办: its level, light and stage, and (with the history) its records and extension
// requests; masked, people's names are masked and the free texts (which may name people) null.

extension JSONWriter {
    /// An event's whole `supervision` as `viewer` may see it, its records, extensions and the
    /// moves the viewer may make included.
    public mutating func eventSupervision(_ e: EventRecord, now: Instant, viewer: Viewer) {
        supervision(e, now: now, detail: viewer, masked: !viewer.seesPersonal(e))
    }

    /// `supervision` of event `e` at `now`; with a `detail` viewer, its records, extensions and
    /// `actions` (``EventRecord/supervisionActions(for:)``) too.
    mutating func supervision(_ e: EventRecord, now: Instant, detail: Viewer?, masked: Bool) {
        let s = e.supervision, window = s.window, light = e.light(at: now)
        object { json in
            json.key("level"); json.number(s.level.rawValue)
            json.key("level_name"); json.string(s.level.name)
            json.key("light"); json.optionalString(light?.rawValue)
            json.key("light_name"); json.optionalString(light?.name)
            json.key("stage"); json.optionalString(window?.stage.rawValue)
            json.key("stage_name"); json.optionalString(window?.stage.name)
            json.key("started_at"); json.instant(window?.startedAt)
            json.key("warn_at"); json.instant(window?.warnAt)
            json.key("due_at"); json.instant(window?.dueAt ?? (e.status.isClosed ? nil : e.deadlineAt))
            if let viewer = detail {
                json.key("actions"); json.array(e.supervisionActions(for: viewer).map(\.rawValue))
                json.key("records"); json.array(s.records) { json, r in json.supervisionRecord(r, masked: masked) }
                json.key("extensions"); json.array(s.extensions) { json, x in json.stageExtension(x, masked: masked) }
            }
        }
    }

    /// One 催办 / 督办 / 领导督办 record and its answer.
    public mutating func supervisionRecord(_ r: SupervisionRecord, masked: Bool) {
        object { json in
            json.key("id"); json.number(Int(r.id))
            json.key("level"); json.number(r.level.rawValue)
            json.key("level_name"); json.string(r.level.name)
            json.key("stage"); json.optionalString(r.stage?.rawValue)
            json.key("office"); json.optionalString(r.office)
            json.key("note"); json.optionalString(masked ? nil : r.note)
            json.key("issued_at"); json.instant(r.issuedAt)
            json.key("issued_by"); json.string(masked ? PersonalMask.name(r.issuedBy) : r.issuedBy)
            json.key("awaits_reply"); json.bool(r.awaitsReply)
            json.key("reply"); json.optionalString(masked ? nil : r.reply)
            json.key("replied_at"); json.instant(r.repliedAt)
            json.key("replied_by"); json.optionalString(r.repliedBy.map { masked ? PersonalMask.name($0) : $0 })
        }
    }

    /// One extension request (延期) and its decision.
    public mutating func stageExtension(_ x: StageExtension, masked: Bool) {
        object { json in
            json.key("id"); json.number(Int(x.id))
            json.key("event"); json.number(Int(x.eventID))
            json.key("stage"); json.optionalString(x.stage?.rawValue)
            json.key("until"); json.instant(x.until)
            json.key("reason"); json.optionalString(masked ? nil : x.reason)
            json.key("requested_at"); json.instant(x.requestedAt)
            json.key("requested_by"); json.string(masked ? PersonalMask.name(x.requestedBy) : x.requestedBy)
            json.key("status"); json.string(x.status.rawValue)
            json.key("decided_at"); json.instant(x.decidedAt)
            json.key("decided_by"); json.optionalString(x.decidedBy.map { masked ? PersonalMask.name($0) : $0 })
            json.key("decision_note"); json.optionalString(masked ? nil : x.decisionNote)
        }
    }
}
