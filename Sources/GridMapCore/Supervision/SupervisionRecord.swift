/// How hard an event is being supervised: 0 none, 1 催办, 2 督办, 3 领导督办.
public enum SupervisionLevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case none = 0
    /// 催办: automatic when the event turns red; a notice to the responsible office.
    case urged = 1
    /// 督办: by the command room (or automatically after a red spell at level 1); the office answers.
    case supervised = 2
    /// 领导督办: by a leader; the office answers.
    case leaderSupervised = 3

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var name: String {
        switch self {
        case .none: "无"
        case .urged: "催办"
        case .supervised: "督办"
        case .leaderSupervised: "领导督办"
        }
    }

    /// Whether the office must answer the record (levels 2 and 3).
    public var expectsReply: Bool { self >= .supervised }
}

/// One 催办 / 督办 / 领导督办 issued on an event, addressed to the office responsible then, and the
/// office's answer.
public struct SupervisionRecord: Sendable, Equatable {
    public var id: Int64
    public var eventID: Int64
    public var level: SupervisionLevel
    /// The stage it was issued in (nil for events whose stages are not recorded, e.g. imported).
    public var stageID: Int64?
    public var stage: SupervisionStage?
    /// The office it is addressed to: the lead task's office, else the routing's.
    public var office: String?
    public var note: String?
    public var issuedAt: Instant
    /// `system` for the automatic levels.
    public var issuedBy: String
    public var reply: String?
    public var repliedAt: Instant?
    public var repliedBy: String?

    public init(id: Int64 = 0, eventID: Int64, level: SupervisionLevel, stageID: Int64?, stage: SupervisionStage?, office: String?,
                note: String?, issuedAt: Instant, issuedBy: String, reply: String? = nil, repliedAt: Instant? = nil,
                repliedBy: String? = nil) {
        self.id = id
        self.eventID = eventID
        self.level = level
        self.stageID = stageID
        self.stage = stage
        self.office = office
        self.note = note
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
        self.reply = reply
        self.repliedAt = repliedAt
        self.repliedBy = repliedBy
    }

    /// Waiting for the office's answer.
    public var awaitsReply: Bool { level.expectsReply && repliedAt == nil }
}

/// An office's answer to a 督办 record.
public struct SupervisionReply: Sendable, Equatable {
    public var record: SupervisionRecord
    public var text: String
    public var actor: String
    public var at: Instant
}
