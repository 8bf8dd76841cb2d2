/// A platform model's 督办 rules (`supervision` in `platforms.json`): how long each stage of the
/// loop may take, on top of the category's overall deadline, when its light turns yellow, and how
/// long a 催办 event may stay red before 督办 follows by itself. Absent keys take the defaults.
public struct SupervisionPolicy: Codable, Sendable, Equatable {
    /// received (or returned) → dispatched: the command room's 研判 and 流转. Default 2 h.
    public var triageHours: Double
    /// dispatched → accepted by the lead office (签收). Default 4 h.
    public var acceptanceHours: Double
    /// accepted → resolved (处置); nil (the default): until the category's overall deadline.
    public var handlingHours: Double?
    /// The share of a stage after which its light is yellow. Default 0.8.
    public var warning: Double
    /// How long a level-1 (催办) event may stay red before level 2 (督办) is issued. Default 24 h.
    public var escalateAfterHours: Double

    public static let defaults = SupervisionPolicy()

    public init(triageHours: Double = 2, acceptanceHours: Double = 4, handlingHours: Double? = nil,
                warning: Double = 0.8, escalateAfterHours: Double = 24) {
        self.triageHours = triageHours
        self.acceptanceHours = acceptanceHours
        self.handlingHours = handlingHours
        self.warning = warning
        self.escalateAfterHours = escalateAfterHours
    }

    enum CodingKeys: String, CodingKey {
        case triageHours = "triage_hours", acceptanceHours = "acceptance_hours", handlingHours = "handling_hours"
        case warning, escalateAfterHours = "escalate_after_hours"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        triageHours = try c.decodeIfPresent(Double.self, forKey: .triageHours) ?? d.triageHours
        acceptanceHours = try c.decodeIfPresent(Double.self, forKey: .acceptanceHours) ?? d.acceptanceHours
        handlingHours = try c.decodeIfPresent(Double.self, forKey: .handlingHours)
        warning = try c.decodeIfPresent(Double.self, forKey: .warning) ?? d.warning
        escalateAfterHours = try c.decodeIfPresent(Double.self, forKey: .escalateAfterHours) ?? d.escalateAfterHours
    }

    /// What is wrong with the numbers, one line each; empty when they are usable.
    public var problems: [String] {
        var problems: [String] = []
        for (name, hours) in [("triage_hours", triageHours), ("acceptance_hours", acceptanceHours),
                              ("handling_hours", handlingHours), ("escalate_after_hours", escalateAfterHours)] {
            if let hours, !(hours > 0 && hours <= 24 * 366) { problems.append("supervision.\(name) must be a number of hours in (0, 8784]") }
        }
        if !(warning > 0 && warning < 1) { problems.append("supervision.warning must lie strictly between 0 and 1") }
        return problems
    }

    /// The window of the stage an event enters by becoming `status` at `start`, or nil when the
    /// status is no stage (closed; parked has its own window, ``StageWindow/parked(at:review:)``).
    /// A stage never runs past the event's overall deadline `overall`.
    public func window(entering status: EventStatus, at start: Instant, overall: Instant?) -> StageWindow? {
        guard let stage = SupervisionStage(status), stage != .parked else { return nil }
        let hours: Double? = switch stage {
        case .triage: triageHours
        case .acceptance: acceptanceHours
        case .handling, .parked: handlingHours
        }
        let due = [hours.map { start.adding(milliseconds: Self.milliseconds($0)) }, overall].compactMap { $0 }.min()
        return StageWindow(stage: stage, startedAt: start, due: due, warning: warning)
    }

    /// How long a level-1 event may stay red before level 2, in milliseconds.
    public var escalationDelay: Int64 { Self.milliseconds(escalateAfterHours) }

    private static func milliseconds(_ hours: Double) -> Int64 { Int64((hours * 3_600_000).rounded()) }
}
