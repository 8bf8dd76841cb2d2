/// What an outbox row reports (`X-GridMap-Event`, the stream's `type`): one per kind of change
/// in an event's history.
public enum OutboxTopic: String, CaseIterable, Codable, Sendable {
    case eventCreated = "event.created"
    case eventTriaged = "event.triaged"
    case eventDispatched = "event.dispatched"
    case eventInProgress = "event.in_progress"
    case eventReturned = "event.returned"
    case eventParked = "event.parked"
    case eventEscalated = "event.escalated"
    /// Resolved (办结): handled.
    case eventClosed = "event.closed"
    case eventEvaluated = "event.evaluated"
    /// Moved to another grid by a boundary edit, or routed again under a new platform model.
    case eventRelocated = "event.relocated"
    case taskAssigned = "task.assigned"
    /// A task accepted, done, rejected or cancelled.
    case taskUpdated = "task.updated"
    case supervisionIssued = "supervision.issued"
    case supervisionReplied = "supervision.replied"
    case extensionRequested = "extension.requested"
    case extensionDecided = "extension.decided"
    case consultationRecorded = "consultation.recorded"

    /// The topic of a history entry's `action` (moving to `to`); nil for what is no live change
    /// (an import of past events).
    public init?(action: String, to: EventStatus?) {
        switch action {
        case "received": self = .eventCreated
        case "transition":
            switch to {
            case .triaged: self = .eventTriaged
            case .dispatched: self = .eventDispatched
            case .inProgress: self = .eventInProgress
            case .returned: self = .eventReturned
            case .parked: self = .eventParked
            case .escalated: self = .eventEscalated
            case .resolved: self = .eventClosed
            case .evaluated: self = .eventEvaluated
            case .received, nil: return nil
            }
        case "regridded", "rerouted": self = .eventRelocated
        case "task_assigned": self = .taskAssigned
        case _ where action.hasPrefix("task_"): self = .taskUpdated
        case "supervision": self = .supervisionIssued
        case "supervision_reply": self = .supervisionReplied
        case "extension_requested": self = .extensionRequested
        case "extension_approved", "extension_refused": self = .extensionDecided
        case "consultation": self = .consultationRecorded
        default: return nil
        }
    }
}
