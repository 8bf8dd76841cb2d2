/// How a hook's deliveries are written: GridMap's own JSON (the generic webhook), a 企业微信
/// group robot's markdown message, or one request per person to notify through an SMS gateway.
public enum HookChannel: Sendable, Equatable {
    /// The outbox message as `GET /v1/outbox` lists it, plus the people to notify.
    case webhook
    /// 企业微信群机器人: `{"msgtype": "markdown", "markdown": {"content"}}`, the people to notify
    /// named in it (their phones in `mentioned_mobile_list` of a text message would page them;
    /// markdown cannot mention, so the names and phones are written into the text).
    case wecom
    /// An SMS gateway: `template` is the request body, `{phone}` and `{text}` filled in per person.
    case sms(template: String)

    /// `webhook`, `wecom` or `sms`.
    public var name: String {
        switch self {
        case .webhook: "webhook"
        case .wecom: "wecom"
        case .sms: "sms"
        }
    }

    /// The SMS body template; nil for the other channels.
    public var template: String? {
        if case .sms(let template) = self { template } else { nil }
    }

    /// A channel from its stored spelling.
    public init?(name: String, template: String?) {
        switch (name, template) {
        case ("webhook", nil): self = .webhook
        case ("wecom", nil): self = .wecom
        case ("sms", let template?): self = .sms(template: template)
        default: return nil
        }
    }
}
