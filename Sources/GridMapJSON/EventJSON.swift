import GridMapCore

extension JSONWriter {
    /// An event as JSON, its personal fields (description, reporter, people, duty leader, history
    /// actors and notes) as `viewer` may see them; with its history when it was read with one.
    public mutating func event(_ e: EventRecord, now: Instant, history: Bool, viewer: Viewer) {
        let masked = !viewer.seesPersonal(e)
        raw("{\"id\":"); number(Int(e.id))
        eventMembers(e, now: now, masked: masked)
        key("supervision"); supervision(e, now: now, detail: history ? viewer : nil, masked: masked)
        raw(",\"input\":["); number(e.input.x); raw(","); number(e.input.y)
        raw("],\"point\":["); number(e.point.x); raw(","); number(e.point.y); raw("]")
        if history {
            key("tasks"); tasks(e.tasks, now: now, masked: masked)
            key("consultations"); consultations(e.consultations, masked: masked)
            key("evaluations"); evaluations(e.evaluations, masked: masked)
            historyMember(e.history, masked: masked)
        }
        raw("}")
    }

    /// A page of events (`{"events": […]}`, or a FeatureCollection when `geojson`) as `viewer`
    /// may see them, and the cursor of the next page, null on the last.
    public mutating func eventList(_ events: [EventRecord], now: Instant, geojson: Bool, nextCursor: Int64?, viewer: Viewer) {
        raw(geojson ? "{\"type\":\"FeatureCollection\",\"features\":" : "{\"events\":")
        array(events) { json, event in
            if geojson {
                json.eventFeature(event, now: now, masked: !viewer.seesPersonal(event))
            } else {
                json.event(event, now: now, history: false, viewer: viewer)
            }
        }
        raw(",\"next_cursor\":")
        if let nextCursor { number(Int(nextCursor)) } else { raw("null") }
        raw("}")
    }

    /// An event as a GeoJSON Feature at its WGS84 point.
    public mutating func eventFeature(_ e: EventRecord, now: Instant, masked: Bool) {
        raw("{\"type\":\"Feature\",\"id\":"); number(Int(e.id))
        raw(",\"geometry\":{\"type\":\"Point\",\"coordinates\":["); number(e.point.x); raw(","); number(e.point.y)
        raw("]},\"properties\":{\"id\":"); number(Int(e.id))
        eventMembers(e, now: now, masked: masked)
        key("supervision"); supervision(e, now: now, detail: nil, masked: masked)
        raw("}}")
    }

    /// The event's fields; masked, the description is null and the names and phones masked.
    private mutating func eventMembers(_ e: EventRecord, now: Instant, masked: Bool) {
        raw(",\"category\":"); string(e.category)
        raw(",\"description\":"); if masked { raw("null") } else { string(e.description) }
        raw(",\"status\":"); string(e.status.rawValue)
        key("status_name"); string(e.status.name)
        key("allowed_next"); array(e.status.allowedNext.map(\.rawValue))
        raw(",\"overdue\":"); bool(e.isOverdue(at: now))
        raw(",\"reported_at\":"); instant(e.reportedAt)
        raw(",\"deadline_at\":"); instant(e.deadlineAt)
        raw(",\"closed_at\":"); instant(e.closedAt)
        raw(",\"origin\":"); string(e.origin.rawValue)
        raw(",\"external_id\":"); optionalString(e.externalID)
        raw(",\"upstream_deadline\":"); instant(e.upstreamDeadline)
        raw(",\"source\":"); string(e.source)
        raw(",\"reporter\":"); string(masked ? PersonalMask.contact(e.reporter) : e.reporter)
        raw(",\"crs\":"); string(e.crs)
        raw(",\"grid\":"); optionalString(e.gridCode)
        raw(",\"village\":"); optionalString(e.villageCode)
        raw(",\"town\":"); optionalString(e.townCode)
        key("routing"); recordedRouting(e.routing, masked: masked)
        key("people"); recordedPeople(e.people, masked: masked)
        key("duty_leader")
        if let leader = e.dutyLeader { dutyLeader(leader, masked: masked) } else { raw("null") }
    }

    /// `{"statuses": [...]}`: each status of the loop with its name, the statuses it may move to
    /// and whether it counts as closed; in the loop's order.
    public mutating func eventStatuses() {
        object { json in
            json.key("statuses")
            json.array(EventStatus.allCases) { json, status in
                json.object { json in
                    json.key("status"); json.string(status.rawValue)
                    json.key("name"); json.string(status.name)
                    json.key("allowed_next"); json.array(status.allowedNext.map(\.rawValue))
                    json.key("closed"); json.bool(status.isClosed)
                }
            }
        }
    }

    /// The history; masked, the actors' names are masked and the notes (which may name people) null.
    private mutating func historyMember(_ history: [EventHistoryEntry], masked: Bool) {
        key("history")
        array(history) { json, h in json.historyEntry(h, masked: masked) }
    }

    /// One history entry; masked, the actor's name is masked and the note left out.
    mutating func historyEntry(_ h: EventHistoryEntry, masked: Bool) {
        object { json in
            json.key("seq"); json.number(h.seq)
            json.key("at"); json.instant(h.at)
            json.key("actor"); json.string(masked ? PersonalMask.name(h.actor) : h.actor)
            json.key("action"); json.string(h.action)
            json.key("from"); json.optionalString(h.from?.rawValue)
            json.key("to"); json.optionalString(h.to?.rawValue)
            json.key("note"); json.optionalString(masked ? nil : h.note)
            json.key("task"); json.optionalNumber(h.task.map(Int.init))
        }
    }
}
