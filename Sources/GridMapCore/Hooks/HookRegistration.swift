import Foundation

/// A receiver as an administrator registers it, checked: an absolute `http`/`https` URL, a
/// secret of at least 16 characters, known topics (`*`: all), a known town, a channel that has
/// what it needs (an SMS template with `{phone}` and `{text}`).
public struct HookRegistration: Sendable, Equatable {
    public var url: String
    public var secret: String
    public var topics: [OutboxTopic]
    public var town: String?
    public var channel: HookChannel

    public static let minimumSecretLength = 16

    public init(url: String, secret: String, events: [String], town: String?, channel: String?, template: String?,
                knownTowns: Set<String>) throws(HookError) {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty else { throw .invalidURL(url) }
        guard secret.count >= Self.minimumSecretLength else { throw .secretTooShort }
        guard !events.isEmpty else { throw .noTopics }
        if events == ["*"] {
            topics = OutboxTopic.allCases
        } else {
            topics = try events.map { name throws(HookError) in
                guard let topic = OutboxTopic(rawValue: name) else { throw .unknownTopic(name) }
                return topic
            }
        }
        if let town, !knownTowns.contains(town) { throw .unknownTown(town) }
        switch channel ?? "webhook" {
        case "webhook", "wecom":
            guard template == nil else { throw .invalidChannel("'template' is only for the sms channel") }
            self.channel = channel == "wecom" ? .wecom : .webhook
        case "sms":
            guard let template, template.contains("{phone}"), template.contains("{text}") else {
                throw .invalidChannel("the sms channel needs a 'template' with {phone} and {text}")
            }
            self.channel = .sms(template: template)
        case let other:
            throw .invalidChannel("'channel' must be webhook, wecom or sms, not \(other)")
        }
        self.url = url
        self.secret = secret
        self.town = town
    }
}
