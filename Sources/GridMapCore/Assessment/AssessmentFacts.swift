/// What an assessment of one town over one period reads from the store: the subjects, and the
/// facts the indicators count (read afresh on every request, so a late change, such as a closed
/// event sent back, changes the periods it touches).
public struct AssessmentFacts: Sendable {
    /// One assessed unit: a grid, a post of a grid (`GRIDCODE/A`), a village, a platform, an office.
    public struct Unit: Sendable, Equatable {
        public var code: String
        public var name: String
        /// For a member: their grid, whose patrols are theirs.
        public var grid: String?

        public init(code: String, name: String, grid: String? = nil) {
            self.code = code
            self.name = name
            self.grid = grid
        }
    }

    /// An event whose deadline falls in the period, or that was reported or closed in it, or has an
    /// evaluation or a 督办 in it.
    public struct Event: Sendable, Equatable {
        public var id: Int64
        public var grid: String?
        public var village: String?
        public var platform: String
        public var source: EventSource
        public var reporter: String
        public var reportedAt: Instant
        public var deadlineAt: Instant?
        public var closedAt: Instant?
        public var status: EventStatus
        /// Left 受理 (judged by the command room).
        public var judged: Bool
        /// Dispatched or escalated at some point: the command room took it on.
        public var takenOn: Bool

        public init(id: Int64, grid: String?, village: String?, platform: String, source: EventSource, reporter: String,
                    reportedAt: Instant, deadlineAt: Instant?, closedAt: Instant?, status: EventStatus, judged: Bool, takenOn: Bool) {
            self.id = id
            self.grid = grid
            self.village = village
            self.platform = platform
            self.source = source
            self.reporter = reporter
            self.reportedAt = reportedAt
            self.deadlineAt = deadlineAt
            self.closedAt = closedAt
            self.status = status
            self.judged = judged
            self.takenOn = takenOn
        }
    }

    /// A 回访 made in the period.
    public struct Evaluation: Sendable, Equatable {
        public var eventID: Int64
        public var satisfaction: Satisfaction

        public init(eventID: Int64, satisfaction: Satisfaction) {
            self.eventID = eventID
            self.satisfaction = satisfaction
        }
    }

    /// A 督办 issued in the period.
    public struct Supervision: Sendable, Equatable {
        public var eventID: Int64
        public var level: SupervisionLevel
        public var office: String?

        public init(eventID: Int64, level: SupervisionLevel, office: String?) {
            self.eventID = eventID
            self.level = level
            self.office = office
        }
    }

    /// A grid's patrols over the period's days up to today.
    public struct Patrol: Sendable, Equatable {
        /// Patrol periods (days, weeks … by the grid's frequency) with a visit, and those required.
        public var met: Int
        public var required: Int
        public var coveredShare: Double

        public init(met: Int, required: Int, coveredShare: Double) {
            self.met = met
            self.required = required
            self.coveredShare = coveredShare
        }
    }

    public var period: AssessmentPeriod
    /// When the facts were read: what falls due after it (in a period not over yet) is not due yet.
    public var asOf: Instant
    public var units: [AssessmentSubject: [Unit]]
    public var events: [Event]
    public var evaluations: [Evaluation]
    public var supervisions: [Supervision]
    /// Tasks assigned in the period to the town's offices.
    public var tasks: [TaskFact]
    /// By grid code; a grid without an entry was not patrolled.
    public var patrols: [String: Patrol]

    public init(period: AssessmentPeriod, asOf: Instant, units: [AssessmentSubject: [Unit]], events: [Event],
                evaluations: [Evaluation], supervisions: [Supervision], tasks: [TaskFact], patrols: [String: Patrol] = [:]) {
        self.period = period
        self.asOf = asOf
        self.units = units
        self.events = events
        self.evaluations = evaluations
        self.supervisions = supervisions
        self.tasks = tasks
        self.patrols = patrols
    }
}
