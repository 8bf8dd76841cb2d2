/// One office's part of an event (联勤联动): the lead office's, and one per assisting office.
public struct EventTask: Sendable, Equatable {
    public var id: Int64
    public var eventID: Int64
    public var office: String
    /// The lead office's task (牵头单位): its acceptance starts the event's handling, its
    /// rejection sends the event back to the command room.
    public var lead: Bool
    public var note: String?
    public var deadlineAt: Instant?
    public var status: TaskStatus
    public var assignedAt: Instant
    public var assignedBy: String
    public var acceptedAt: Instant?
    /// When it was done, rejected or cancelled.
    public var closedAt: Instant?
    /// Why it was rejected or cancelled.
    public var reason: String?

    public init(id: Int64, eventID: Int64, office: String, lead: Bool, note: String?, deadlineAt: Instant?,
                status: TaskStatus, assignedAt: Instant, assignedBy: String, acceptedAt: Instant?, closedAt: Instant?,
                reason: String?) {
        self.id = id
        self.eventID = eventID
        self.office = office
        self.lead = lead
        self.note = note
        self.deadlineAt = deadlineAt
        self.status = status
        self.assignedAt = assignedAt
        self.assignedBy = assignedBy
        self.acceptedAt = acceptedAt
        self.closedAt = closedAt
        self.reason = reason
    }

    /// Open past its deadline at `now`.
    public func isOverdue(at now: Instant) -> Bool {
        status.isOpen && (deadlineAt.map { $0 < now } ?? false)
    }
}

/// An open task as a refusal names it (`open_tasks`).
public struct OpenTask: Sendable, Equatable {
    public var id: Int64
    public var office: String
    public var status: TaskStatus

    public init(_ task: EventTask) {
        id = task.id
        office = task.office
        status = task.status
    }
}
