import GridMapGeometry

/// A stored event: the report, where it was located, where it was routed, and its loop status.
public struct EventRecord: Sendable {
    public var id: Int64
    public var category: String
    public var description: String
    /// The coordinate as reported, in `crs`, and the WGS84 point it was resolved at.
    public var input: Coordinate
    public var crs: String
    public var point: Coordinate
    public var reportedAt: Instant
    public var source: String
    public var reporter: String
    public var gridCode: String?
    public var villageCode: String?
    public var townCode: String?
    public var platformCode: String
    /// Where it was routed.
    public var routing: RecordedRouting
    /// The people responsible for its place at the time.
    public var people: [RecordedPerson]
    public var deadlineAt: Instant?
    public var status: EventStatus
    /// 督办: the level reached, the current stage and, read with the history, the records and extensions.
    public var supervision: EventSupervision
    public var closedAt: Instant?
    /// The command room's duty leader (值班领导) when the event was dispatched.
    public var dutyLeader: DutyDay?
    /// Reported in the town or handed down by the county (上级交办), with the id and deadline it came with.
    public var origin: EventOrigin = .local
    public var externalID: String?
    public var upstreamDeadline: Instant?
    /// Oldest first; empty when not asked for.
    public var history: [EventHistoryEntry]
    /// The offices' tasks (联勤联动), oldest first; read with the history.
    public var tasks: [EventTask] = []
    /// Its evaluations (考核 with 回访), oldest first; read with the history.
    public var evaluations: [EventEvaluation] = []
    /// Its consultations (研判会商), oldest first; read with the history.
    public var consultations: [Consultation] = []

    public init(id: Int64, category: String, description: String, input: Coordinate, crs: String, point: Coordinate,
                reportedAt: Instant, source: String, reporter: String, gridCode: String?, villageCode: String?,
                townCode: String?, platformCode: String, routing: RecordedRouting, people: [RecordedPerson], deadlineAt: Instant?,
                status: EventStatus, supervision: EventSupervision, closedAt: Instant?, dutyLeader: DutyDay?, history: [EventHistoryEntry]) {
        self.id = id
        self.category = category
        self.description = description
        self.input = input
        self.crs = crs
        self.point = point
        self.reportedAt = reportedAt
        self.source = source
        self.reporter = reporter
        self.gridCode = gridCode
        self.villageCode = villageCode
        self.townCode = townCode
        self.platformCode = platformCode
        self.routing = routing
        self.people = people
        self.deadlineAt = deadlineAt
        self.status = status
        self.supervision = supervision
        self.closedAt = closedAt
        self.dutyLeader = dutyLeader
        self.history = history
    }

    /// When it entered its current status, by its history (nil when the history was not read).
    public var statusSince: Instant? { history.last { $0.to == status && $0.from != status }?.at }

    /// Past its overall deadline and not handled, at `now` (a held event, ``EventStatus/isHeld``, is never overdue).
    public func isOverdue(at now: Instant) -> Bool {
        !status.isClosed && !status.isHeld && (deadlineAt.map { $0 < now } ?? false)
    }
}

/// One append-only entry of an event's history.
public struct EventHistoryEntry: Sendable, Equatable {
    public var seq: Int
    public var at: Instant
    public var actor: String
    /// `received`, `transition`, `supervision`, `extension_requested`, `extension_approved`,
    /// `extension_refused`, `supervision_reply`, or a task's move: `task_assigned`, `task_accepted`, ….
    public var action: String
    public var from: EventStatus?
    public var to: EventStatus?
    public var note: String?
    /// The task a task's move moved.
    public var task: Int64?

    public init(seq: Int, at: Instant, actor: String, action: String, from: EventStatus?, to: EventStatus?, note: String?,
                task: Int64? = nil) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.from = from
        self.to = to
        self.note = note
        self.task = task
    }
}

/// Why an event operation was refused.
public enum EventError: CodedError, Sendable, Equatable {
    case notFound(Int64)
    case illegalTransition(from: EventStatus, to: EventStatus)
    /// Resolving while offices still have tasks open.
    case openTasks([OpenTask])

    public var description: String {
        switch self {
        case .notFound(let id): "no event has id \(id)"
        case .illegalTransition(let from, let to):
            "an event that is \(from.rawValue) cannot become \(to.rawValue); allowed: "
                + (from.allowedNext.isEmpty ? "none (final)" : from.allowedNext.map(\.rawValue).joined(separator: ", "))
        case .openTasks(let tasks):
            "the event cannot be resolved while tasks are open: "
                + tasks.map { "\($0.id) (\($0.office), \($0.status.rawValue))" }.joined(separator: ", ")
        }
    }

    public var errorCode: String {
        switch self {
        case .notFound: "unknown_event"
        case .illegalTransition: "illegal_transition"
        case .openTasks: "open_tasks"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .notFound: .notFound
        case .illegalTransition, .openTasks: .conflict
        }
    }
}
