/// 红黄绿灯: how an unclosed event stands against its stage's deadline at a moment.
public enum SupervisionLight: String, CaseIterable, Codable, Sendable {
    case green, yellow, red

    /// The light of an event that is `status`, in `window`, with overall deadline `overall`, at
    /// `now`: red past the stage's deadline, or past the overall deadline whatever the stage;
    /// yellow past the stage's warning point; green otherwise. Nil for a closed event; a held
    /// one (挂账, 上报) is green: it is never overdue.
    public static func of(_ status: EventStatus, window: StageWindow?, overall: Instant?, at now: Instant) -> SupervisionLight? {
        if status.isClosed { return nil }
        if status.isHeld { return .green }
        if let due = window?.dueAt, due <= now { return .red }
        if let overall, overall <= now { return .red }
        if let warn = window?.warnAt, warn <= now { return .yellow }
        return .green
    }

    /// The light's name on screens.
    public var name: String {
        switch self {
        case .green: "绿灯"
        case .yellow: "黄灯"
        case .red: "红灯"
        }
    }
}
