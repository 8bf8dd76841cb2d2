import GridMapCore
import NIOCore

extension JSONWriter {
    /// One change as it is delivered, polled and streamed: `{"id", "type", "at", "event_id",
    /// "change": the history entry, "event": the event as `GET /v1/events/{id}` answers it now}`,
    /// its personal fields as `viewer` may see them. The event is its state when the message is
    /// written (a late delivery shows the latest state; `change` says what happened then). A hook's
    /// delivery adds `"notify": {"text", "recipients": [{"role", "name", "phone"}]}`.
    public mutating func outboxMessage(_ entry: OutboxEntry, event: EventRecord, now: Instant, viewer: Viewer,
                                       notification: Notification? = nil) {
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
        if let notification {
            key("notify"); self.notification(notification)
        }
        raw("}")
    }

    /// `{"text", "recipients": [{"role", "name", "phone"}]}`: who must be told, in full (telling
    /// them is the point), and what.
    public mutating func notification(_ notification: Notification) {
        object { json in
            json.key("text"); json.string(notification.text)
            json.key("recipients")
            json.array(notification.recipients) { json, recipient in
                json.object { json in
                    json.key("role"); json.string(recipient.role)
                    json.key("name"); json.string(recipient.name)
                    json.key("phone"); json.optionalString(recipient.phone)
                }
            }
        }
    }

    /// A 企业微信 group robot's message: `{"msgtype": "markdown", "markdown": {"content"}}`, the
    /// line and the people to tell (name and phone) below it.
    public mutating func wecomMessage(_ notification: Notification) {
        let people = notification.recipients.map { "> \($0.role) \($0.name)" + ($0.phone.map { " \($0)" } ?? "") }
        object { json in
            json.key("msgtype"); json.string("markdown")
            json.key("markdown")
            json.object { json in
                json.key("content"); json.string(([notification.text] + people).joined(separator: "\n"))
            }
        }
    }

    /// `text` as the inside of a JSON string (escaped, without the quotes), for filling templates.
    public static func escaped(_ text: String) -> String {
        var json = JSONWriter(capacity: text.utf8.count + 16)
        json.string(text)
        let quoted = String(buffer: json.buffer)
        return String(quoted.dropFirst().dropLast())
    }
}
