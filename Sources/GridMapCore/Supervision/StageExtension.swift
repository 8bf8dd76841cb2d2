/// Where a request for more time (延期) stands.
public enum ExtensionStatus: String, CaseIterable, Codable, Sendable {
    case pending, approved, refused
}

/// 延期: an office's request to move the current stage's deadline to `until`, and a leader's answer.
public struct StageExtension: Sendable, Equatable {
    public var id: Int64
    public var eventID: Int64
    /// The stage it asks for more time in (nil for an event whose stages are not recorded).
    public var stageID: Int64?
    public var stage: SupervisionStage?
    public var until: Instant
    public var reason: String
    public var requestedAt: Instant
    public var requestedBy: String
    public var status: ExtensionStatus
    public var decidedAt: Instant?
    public var decidedBy: String?
    public var decisionNote: String?

    public init(id: Int64 = 0, eventID: Int64, stageID: Int64?, stage: SupervisionStage?, until: Instant, reason: String,
                requestedAt: Instant, requestedBy: String, status: ExtensionStatus = .pending, decidedAt: Instant? = nil,
                decidedBy: String? = nil, decisionNote: String? = nil) {
        self.id = id
        self.eventID = eventID
        self.stageID = stageID
        self.stage = stage
        self.until = until
        self.reason = reason
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
        self.status = status
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.decisionNote = decisionNote
    }
}

/// A leader's answer to a pending extension, and what it moves: an approval moves the stage's
/// deadline to `until`, and the overall deadline too when `until` lies past it.
public struct ExtensionDecision: Sendable, Equatable {
    public var decided: StageExtension
    /// The stage's new window (approved, for a recorded stage).
    public var window: StageWindow?
    /// The event's new overall deadline (approved past the old one).
    public var deadlineAt: Instant?
    public var actor: String
    public var at: Instant

    /// The history row's note.
    public var historyNote: String {
        let verdict = decided.status == .approved ? "批准延期至 \(decided.until.beijingMinute)" : "不予延期"
        return [verdict, decided.decisionNote].compactMap { $0 }.joined(separator: ": ")
    }
}
