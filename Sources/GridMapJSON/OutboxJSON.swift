import GridMapCore

extension JSONWriter {
    /// One change as it is delivered, polled and streamed: `{"id", "type", "at", "event_id",
    /// "change": the history entry, "event": the event as `GET /v1/events/{id}` answers it now}`,
    /// its personal fields as `viewer` may see them. The event is its state when the message is
    /// written (a late delivery shows the latest state; `change` says what happened then).
    public mutating func outboxMessage(_ entry: OutboxEntry, event: EventRecord, now: Instant, viewer: Viewer) {
        raw("{\"id\":"); number(Int(entry.id))
        key("type"); string(entry.topic.rawValue)
        key("at"); instant(entry.at)
        key("event_id"); number(Int(entry.eventID))
        key("change")
        if let change = event.history.first(where: { $0.seq == entry.seq }) {
            historyEntry(change, masked: !viewer.seesPersonal(event))
        } else {
            raw("null")
        }
        key("event"); self.event(event, now: now, history: true, viewer: viewer)
        raw("}")
    }
}
