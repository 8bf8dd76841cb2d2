/// Where an office's task (联勤联动) is in its own loop: assigned → accepted → done, or sent back
/// to the command room (rejected) or withdrawn by it (cancelled).
public enum TaskStatus: String, CaseIterable, Codable, Sendable {
    /// 派发: given to the office, not yet taken up.
    case assigned
    /// 签收: the office has taken it up.
    case accepted
    /// 办结: the office's part is done.
    case done
    /// 退回: the office sent it back to the command room (with a reason).
    case rejected
    /// 撤回: withdrawn by the command room (with a reason), or when its event went back to triage.
    case cancelled

    /// The statuses this one may move to.
    public var allowedNext: [TaskStatus] {
        switch self {
        case .assigned: [.accepted, .rejected, .cancelled]
        case .accepted: [.done, .rejected, .cancelled]
        case .done, .rejected, .cancelled: []
        }
    }

    /// The status as screens name it.
    public var name: String {
        switch self {
        case .assigned: "待签收"
        case .accepted: "处置中"
        case .done: "已办结"
        case .rejected: "已退回"
        case .cancelled: "已撤回"
        }
    }

    /// Still the office's to act on: an event with an open task cannot be resolved.
    public var isOpen: Bool { self == .assigned || self == .accepted }

    /// Moving here needs a reason (why the office sent it back, why the command room withdrew it).
    public var needsReason: Bool { self == .rejected || self == .cancelled }
}
