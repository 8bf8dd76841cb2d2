import GridMapCore

extension JSONWriter {
    /// An event as JSON; with its history when it was read with one.
    mutating func event(_ e: EventRecord, now: Instant, history: Bool) {
        raw("{\"id\":"); number(Int(e.id))
        eventMembers(e, now: now)
        raw(",\"input\":["); number(e.input.x); raw(","); number(e.input.y)
        raw("],\"point\":["); number(e.point.x); raw(","); number(e.point.y); raw("]")
        if history { historyMember(e.history) }
        raw("}")
    }

    /// An event as a GeoJSON Feature at its WGS84 point.
    mutating func eventFeature(_ e: EventRecord, now: Instant) {
        raw("{\"type\":\"Feature\",\"id\":"); number(Int(e.id))
        raw(",\"geometry\":{\"type\":\"Point\",\"coordinates\":["); number(e.point.x); raw(","); number(e.point.y)
        raw("]},\"properties\":{\"id\":"); number(Int(e.id))
        eventMembers(e, now: now)
        raw("}}")
    }

    private mutating func eventMembers(_ e: EventRecord, now: Instant) {
        raw(",\"category\":"); string(e.category)
        raw(",\"description\":"); string(e.description)
        raw(",\"status\":"); string(e.status.rawValue)
        raw(",\"allowed_next\":["); strings(e.status.allowedNext.map(\.rawValue)); raw("]")
        raw(",\"supervised\":"); bool(e.supervised)
        raw(",\"overdue\":"); bool(e.isOverdue(at: now))
        raw(",\"reported_at\":"); instant(e.reportedAt)
        raw(",\"deadline_at\":"); instant(e.deadlineAt)
        raw(",\"closed_at\":"); instant(e.closedAt)
        raw(",\"source\":"); string(e.source)
        raw(",\"reporter\":"); string(e.reporter)
        raw(",\"crs\":"); string(e.crs)
        raw(",\"grid\":"); optionalString(e.gridCode)
        raw(",\"village\":"); optionalString(e.villageCode)
        raw(",\"town\":"); optionalString(e.townCode)
        raw(",\"routing\":"); raw(json: e.routingJSON)
        raw(",\"people\":"); raw(json: e.peopleJSON)
        raw(",\"duty_leader\":"); raw(json: e.dutyLeaderJSON ?? "null")
    }

    private mutating func historyMember(_ history: [EventHistoryEntry]) {
        raw(",\"history\":[")
        for (i, h) in history.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"seq\":"); number(h.seq)
            raw(",\"at\":"); instant(h.at)
            raw(",\"actor\":"); string(h.actor)
            raw(",\"action\":"); string(h.action)
            raw(",\"from\":"); optionalString(h.from?.rawValue)
            raw(",\"to\":"); optionalString(h.to?.rawValue)
            raw(",\"note\":"); optionalString(h.note)
            raw("}")
        }
        raw("]")
    }
}
