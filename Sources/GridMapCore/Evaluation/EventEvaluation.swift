/// 回访: how the reporter judged the handling when called back.
public enum Satisfaction: String, CaseIterable, Codable, Sendable {
    case satisfied
    case basicallySatisfied = "basically_satisfied"
    case dissatisfied

    /// As screens name it.
    public var name: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        }
    }
}

/// 考核 of one event's handling: the command room's score and the reporter's satisfaction at the
/// follow-up call. A dissatisfied follow-up sends the event back to triage (返工) instead of
/// closing it; every evaluation is kept.
public struct EventEvaluation: Sendable, Equatable {
    public var eventID: Int64
    /// 1 (poor) to 5 (excellent).
    public var score: Int
    public var satisfaction: Satisfaction
    public var remark: String?
    public var actor: String
    public var at: Instant

    public static let scores = 1...5

    /// An evaluation of `event`, which must be resolved (else ``EventError/illegalTransition(from:to:)``),
    /// scored 1–5 (else ``EvaluationError/scoreOutOfRange(_:)``).
    public init(_ event: EventRecord, score: Int, satisfaction: Satisfaction, remark: String?, actor: String,
                at now: Instant) throws {
        guard event.status == .resolved else { throw EventError.illegalTransition(from: event.status, to: .evaluated) }
        guard Self.scores.contains(score) else { throw EvaluationError.scoreOutOfRange(score) }
        eventID = event.id
        self.score = score
        self.satisfaction = satisfaction
        self.remark = remark
        self.actor = actor
        at = now
    }

    /// Stored as it was.
    public init(eventID: Int64, score: Int, satisfaction: Satisfaction, remark: String?, actor: String, at: Instant) {
        self.eventID = eventID
        self.score = score
        self.satisfaction = satisfaction
        self.remark = remark
        self.actor = actor
        self.at = at
    }

    /// Where the evaluation sends the event: evaluated (closed), or returned when dissatisfied.
    public var outcome: EventStatus { satisfaction == .dissatisfied ? .returned : .evaluated }

    /// The history note of the move: satisfaction, score, then the remark.
    public var historyNote: String {
        ["回访\(satisfaction.name), 评分 \(score)", remark].compactMap { $0 }.joined(separator: ": ")
    }
}

/// Why an evaluation was refused.
public enum EvaluationError: CodedError, Sendable, Equatable {
    case scoreOutOfRange(Int)
    /// A move to evaluated without its score and satisfaction.
    case evaluationRequired

    public var description: String {
        switch self {
        case .scoreOutOfRange(let score): "'score': \(score) is not from 1 to 5"
        case .evaluationRequired: "evaluating an event needs 'score' (1–5) and 'satisfaction' ("
            + Satisfaction.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        }
    }

    public var errorCode: String {
        switch self {
        case .scoreOutOfRange: "invalid_field"
        case .evaluationRequired: "evaluation_required"
        }
    }

    public var failureKind: FailureKind { .invalidInput }
}
