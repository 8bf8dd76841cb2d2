import GridMapCore

extension JSONWriter {
    /// `{"id", "url", "events", "town", "channel", "cursor", "lag", "created_at", "created_by"}`;
    /// `lag` is how many outbox ids it is behind `lastOutboxID`. The secret is never written.
    public mutating func hook(_ hook: Hook, lastOutboxID: Int64) {
        object { json in
            json.key("id"); json.number(Int(hook.id))
            json.key("url"); json.string(hook.url)
            json.key("events"); json.array(hook.topics.map(\.rawValue))
            json.key("town"); json.optionalString(hook.town)
            json.key("channel"); json.string(hook.channel.name)
            json.key("cursor"); json.number(Int(hook.cursor))
            json.key("lag"); json.number(Int(max(0, lastOutboxID - hook.cursor)))
            json.key("created_at"); json.instant(hook.createdAt)
            json.key("created_by"); json.string(hook.createdBy)
        }
    }

    /// `{"outbox_id", "type", "event_id", "attempts", "last_error", "failed_at", "state"}`.
    public mutating func deadLetter(_ letter: DeadLetter) {
        object { json in
            json.key("outbox_id"); json.number(Int(letter.outboxID))
            json.key("type"); json.string(letter.topic.rawValue)
            json.key("event_id"); json.number(Int(letter.eventID))
            json.key("attempts"); json.number(letter.attempts)
            json.key("last_error"); json.string(letter.lastError)
            json.key("failed_at"); json.instant(letter.failedAt)
            json.key("state"); json.string(letter.state.rawValue)
        }
    }
}
