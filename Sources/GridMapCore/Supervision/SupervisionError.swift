/// Why a 督办, an answer to one, or a 延期 was refused.
public enum SupervisionError: CodedError, Sendable, Equatable {
    /// Closed and parked events are not supervised.
    case notSupervisable(EventStatus)
    /// Level 1 is the sweep's; only 2 (督办) and 3 (领导督办) are issued by people.
    case levelNotIssuable(Int)
    /// The same or a higher level already waits for the office's answer in this stage.
    case alreadyIssued(SupervisionLevel, record: Int64)
    case unknownRecord(event: Int64, record: Int64)
    case replyNotExpected(SupervisionLevel)
    case alreadyReplied(record: Int64)
    case unknownExtension(event: Int64, extension: Int64)
    case extensionPending(Int64)
    case extensionDecided(Int64, ExtensionStatus)
    /// A time that must lie after another (`until` of an extension, `review_on` of 挂账).
    case notLater(field: String, than: Instant)
    case reasonRequired
    /// 挂账 is not a plain move: it takes a reason, a review date and a leader.
    case parkingRequired

    public var description: String {
        switch self {
        case .notSupervisable(let status): "a \(status.rawValue) event is not supervised"
        case .levelNotIssuable(let level): "'level': \(level) cannot be issued; 2 (督办) or 3 (领导督办)"
        case .alreadyIssued(let level, let record): "\(level.name) record \(record) still waits for the office's answer"
        case .unknownRecord(let event, let record): "event \(event) has no supervision record \(record)"
        case .replyNotExpected(let level): "a \(level.name) record is a notice; it takes no answer"
        case .alreadyReplied(let record): "supervision record \(record) is answered already"
        case .unknownExtension(let event, let id): "event \(event) has no extension request \(id)"
        case .extensionPending(let id): "extension request \(id) is still waiting for a leader"
        case .extensionDecided(let id, let status): "extension request \(id) is \(status.rawValue) already"
        case .notLater(let field, let than): "'\(field)': must be later than \(than.iso)"
        case .reasonRequired: "'reason': required, and not blank"
        case .parkingRequired: "an event is parked (挂账) by a leader, with a reason and a review date (POST /v1/events/{id}/parking)"
        }
    }

    public var errorCode: String {
        switch self {
        case .notSupervisable: "not_supervisable"
        case .levelNotIssuable: "invalid_level"
        case .alreadyIssued: "already_supervised"
        case .unknownRecord: "unknown_supervision"
        case .replyNotExpected: "reply_not_expected"
        case .alreadyReplied: "already_replied"
        case .unknownExtension: "unknown_extension"
        case .extensionPending: "extension_pending"
        case .extensionDecided: "extension_decided"
        case .notLater: "invalid_field"
        case .reasonRequired: "reason_required"
        case .parkingRequired: "parking_required"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .unknownRecord, .unknownExtension: .notFound
        case .levelNotIssuable, .notLater, .reasonRequired, .parkingRequired: .invalidInput
        case .notSupervisable, .alreadyIssued, .replyNotExpected, .alreadyReplied, .extensionPending, .extensionDecided: .conflict
        }
    }
}
