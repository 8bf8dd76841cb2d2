/// Why a hook could not be registered, found or re-sent.
public enum HookError: CodedError, Sendable, Equatable {
    case invalidURL(String)
    case secretTooShort
    case noTopics
    case unknownTopic(String)
    case unknownTown(String)
    case invalidChannel(String)
    case unknownHook(Int64)
    case unknownDeadLetter(hook: Int64, outboxID: Int64)

    public var description: String {
        switch self {
        case .invalidURL(let url): "'url' must be an absolute http or https URL, not \(TextIdentifier.quoted(url))"
        case .secretTooShort: "'secret' must be at least \(HookRegistration.minimumSecretLength) characters"
        case .noTopics: "'events' must name at least one topic (or \"*\")"
        case .unknownTopic(let name):
            "unknown topic \(TextIdentifier.quoted(name)) in 'events'; known: " + OutboxTopic.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownTown(let code): "unknown town \(TextIdentifier.quoted(code))"
        case .invalidChannel(let why): why
        case .unknownHook(let id): "no hook \(id)"
        case .unknownDeadLetter(let hook, let outboxID): "hook \(hook) has no failed delivery \(outboxID)"
        }
    }

    public var errorCode: String {
        switch self {
        case .invalidURL, .secretTooShort, .noTopics, .invalidChannel: "invalid_field"
        case .unknownTopic: "unknown_topic"
        case .unknownTown: "unknown_town"
        case .unknownHook: "unknown_hook"
        case .unknownDeadLetter: "unknown_delivery"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .unknownHook, .unknownDeadLetter: .notFound
        default: .invalidInput
        }
    }
}
