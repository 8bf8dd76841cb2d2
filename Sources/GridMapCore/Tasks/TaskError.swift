/// Why a task was refused.
public enum TaskError: CodedError, Sendable, Equatable {
    case notFound(event: Int64, task: Int64)
    case illegalTransition(from: TaskStatus, to: TaskStatus)
    case reasonRequired(TaskStatus)
    /// Tasks are given while the event is being handled (dispatched or in progress).
    case eventNotInHandling(EventStatus)
    case unknownOffice(String, known: [String])
    /// The office already has an open task on this event.
    case officeHasOpenTask(String, task: Int64)
    case deadlineNotAfterNow

    public var description: String {
        switch self {
        case .notFound(let event, let task): "event \(event) has no task \(task)"
        case .illegalTransition(let from, let to):
            "a task that is \(from.rawValue) cannot become \(to.rawValue); allowed: "
                + (from.allowedNext.isEmpty ? "none (final)" : from.allowedNext.map(\.rawValue).joined(separator: ", "))
        case .reasonRequired(let status): "'reason': a task becomes \(status.rawValue) only with a reason"
        case .eventNotInHandling(let status):
            "tasks are given to offices while the event is dispatched or in_progress; it is \(status.rawValue)"
        case .unknownOffice(let office, let known):
            "'office': '\(office)' is no office of the town's platforms (one of: \(known.joined(separator: ", ")))"
        case .officeHasOpenTask(let office, let task): "\(office) already has task \(task) open on this event"
        case .deadlineNotAfterNow: "'deadline': must be later than now"
        }
    }

    public var errorCode: String {
        switch self {
        case .notFound: "unknown_task"
        case .illegalTransition: "illegal_transition"
        case .reasonRequired: "reason_required"
        case .eventNotInHandling: "event_not_in_handling"
        case .unknownOffice: "unknown_office"
        case .officeHasOpenTask: "office_has_open_task"
        case .deadlineNotAfterNow: "invalid_field"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .notFound: .notFound
        case .illegalTransition, .eventNotInHandling, .officeHasOpenTask: .conflict
        case .reasonRequired, .unknownOffice, .deadlineNotAfterNow: .invalidInput
        }
    }
}
