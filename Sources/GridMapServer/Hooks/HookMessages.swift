import GridMapCore
import GridMapJSON
import NIOCore

/// The request bodies one outbox row becomes for a hook, by its channel: the webhook gets every
/// change it asked for; 企业微信 one message and the SMS gateway one per person with a phone,
/// only when someone must be told (``Notification``).
enum HookMessages {
    static func bodies(for hook: Hook, entry: OutboxEntry, event: EventRecord, notification: Notification,
                       now: Instant) -> [ByteBuffer] {
        switch hook.channel {
        case .webhook:
            var json = JSONWriter(capacity: 4096)
            json.outboxMessage(entry, event: event, now: now, viewer: hook.viewer, notification: notification)
            return [json.buffer]
        case .wecom:
            guard !notification.recipients.isEmpty else { return [] }
            var json = JSONWriter(capacity: 512)
            json.wecomMessage(notification)
            return [json.buffer]
        case .sms(let template):
            let text = JSONWriter.escaped(notification.text)
            return notification.recipients.compactMap(\.phone).map { phone in
                ByteBuffer(string: template.replacingOccurrences(of: "{phone}", with: JSONWriter.escaped(phone))
                    .replacingOccurrences(of: "{text}", with: text))
            }
        }
    }
}
