/// The stage of the loop an event is in, each with its own deadline (``SupervisionPolicy``).
public enum SupervisionStage: String, CaseIterable, Codable, Sendable {
    /// The command room's: received or returned, until dispatched (研判 and 流转). A triaged event
    /// not yet dispatched is still the command room's to move, so the stage runs to the dispatch.
    case triage
    /// The lead office's: dispatched, until it accepts (签收).
    case acceptance
    /// The offices': accepted, until resolved (处置).
    case handling
    /// 挂账: set aside until its review date; never overdue.
    case parked

    /// The stage of an event that is `status`; nil when it is closed or with the county (上报:
    /// the town's stages end, and a return to triage starts a new one).
    public init?(_ status: EventStatus) {
        switch status {
        case .received, .triaged, .returned: self = .triage
        case .dispatched: self = .acceptance
        case .inProgress: self = .handling
        case .parked: self = .parked
        case .resolved, .evaluated, .escalated: return nil
        }
    }

    /// The stage as the command room names it.
    public var name: String {
        switch self {
        case .triage: "研判流转"
        case .acceptance: "签收"
        case .handling: "处置"
        case .parked: "挂账"
        }
    }
}

/// One stage of one event: when it started, when its light turns yellow and when it is due.
public struct StageWindow: Sendable, Equatable {
    /// The stored stage's id; nil until stored.
    public var id: Int64?
    public var stage: SupervisionStage
    public var startedAt: Instant
    /// Yellow from here; nil without a due time.
    public var warnAt: Instant?
    /// Red from here (for parked: the review date's end); nil when the stage has no deadline.
    public var dueAt: Instant?

    public init(id: Int64? = nil, stage: SupervisionStage, startedAt: Instant, warnAt: Instant?, dueAt: Instant?) {
        self.id = id
        self.stage = stage
        self.startedAt = startedAt
        self.warnAt = warnAt
        self.dueAt = dueAt
    }

    /// A stage from `start` due at `due`, yellow once `warning` of it has passed.
    public init(stage: SupervisionStage, startedAt start: Instant, due: Instant?, warning: Double) {
        let warnAt = due.map { due in
            Instant(milliseconds: start.milliseconds + Int64((Double(due.milliseconds - start.milliseconds) * warning).rounded(.down)))
        }
        self.init(stage: stage, startedAt: start, warnAt: warnAt, dueAt: due)
    }

    /// 挂账 from `start` until the end of the Beijing day `review`.
    public static func parked(at start: Instant, review: Instant) -> StageWindow {
        StageWindow(stage: .parked, startedAt: start, warnAt: nil, dueAt: review)
    }

    /// The same stage, due at `until` instead (an approved 延期), yellow at the same share.
    public func extended(to until: Instant, warning: Double) -> StageWindow {
        var moved = StageWindow(stage: stage, startedAt: startedAt, due: until, warning: warning)
        moved.id = id
        return moved
    }
}
