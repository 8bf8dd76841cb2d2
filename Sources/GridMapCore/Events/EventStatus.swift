/// Where an event is in the closed loop 受理 → 研判 → 流转 → 处置 → 督办反馈 → 考核.
public enum EventStatus: String, CaseIterable, Codable, Sendable {
    /// 受理: received by the command room.
    case received
    /// 研判: judged, category and responsibility confirmed.
    case triaged
    /// 流转: sent to the platform and office.
    case dispatched
    /// 处置: being handled.
    case inProgress = "in_progress"
    /// Handled; awaiting evaluation (反馈).
    case resolved
    /// 考核: evaluated; final.
    case evaluated
    /// Sent back to triage (by the office, or when an evaluation rejects the handling).
    case returned
    /// 挂账: set aside by a leader until a review date (cannot be handled now); never overdue.
    case parked
    /// 上报: handed up to the county's 社会治理中心, which sends it back (returned) or closes it (resolved).
    case escalated

    /// The statuses this one may move to.
    public var allowedNext: [EventStatus] {
        switch self {
        case .received: [.triaged]
        case .triaged: [.dispatched, .parked, .escalated]
        case .dispatched: [.inProgress, .returned, .parked]
        case .inProgress: [.resolved, .returned, .parked, .escalated]
        case .resolved: [.evaluated, .returned]
        case .returned: [.triaged, .parked]
        case .parked: [.triaged]
        case .escalated: [.returned, .resolved]
        case .evaluated: []
        }
    }

    /// The status as the command room names it (受理, 研判, …): what screens show.
    public var name: String {
        switch self {
        case .received: "受理"
        case .triaged: "研判"
        case .dispatched: "流转"
        case .inProgress: "处置"
        case .resolved: "办结"
        case .evaluated: "考核"
        case .returned: "退回"
        case .parked: "挂账"
        case .escalated: "上报"
        }
    }

    /// Handled (resolved or evaluated): counts as closed in statistics; not supervised any more.
    public var isClosed: Bool { self == .resolved || self == .evaluated }

    /// Held outside the town's loop (挂账, or 上报 and with the county): its clocks stop, it is
    /// never overdue, never supervised, and its light is green.
    public var isHeld: Bool { self == .parked || self == .escalated }
}

/// How an event reached the command room.
public enum EventSource: String, CaseIterable, Codable, Sendable {
    /// 网格员上报
    case gridMember = "grid_member"
    /// 12345 热线
    case hotline = "hotline_12345"
    /// 群众 app (浙里办 etc.)
    case app
    /// 巡查 (patrols by offices)
    case patrol
}
