/// The loop's figures over a period (`/v1/stats`'s `loop`): how often each stage ended on time,
/// 督办 issued by level, 延期 and 挂账, and the 回访 of evaluations (satisfaction and 返工).
public struct LoopStats: Sendable, Equatable {
    /// One stage's stretches that ended in the period.
    public struct StageFigures: Sendable, Equatable {
        public var stage: SupervisionStage
        public var ended: Int
        /// Ended by their (possibly extended) due time, or without one.
        public var onTime: Int
        public var onTimeRate: Double { ended == 0 ? 0 : Double(onTime) / Double(ended) }

        public init(stage: SupervisionStage, ended: Int, onTime: Int) {
            self.stage = stage
            self.ended = ended
            self.onTime = onTime
        }
    }

    /// Triage, acceptance and handling, in the loop's order.
    public var stages: [StageFigures]
    /// Records issued in the period, by level (1, 2, 3).
    public var supervisions: [SupervisionLevel: Int]
    /// Extension requests made in the period, by how they stand now.
    public var extensions: [ExtensionStatus: Int]
    /// Moves to 挂账 in the period, and events parked now.
    public var parkedInPeriod: Int
    public var parkedNow: Int
    /// Evaluations in the period by satisfaction.
    public var evaluations: [Satisfaction: Int]

    public init(stages: [StageFigures], supervisions: [SupervisionLevel: Int], extensions: [ExtensionStatus: Int],
                parkedInPeriod: Int, parkedNow: Int, evaluations: [Satisfaction: Int]) {
        self.stages = stages
        self.supervisions = supervisions
        self.extensions = extensions
        self.parkedInPeriod = parkedInPeriod
        self.parkedNow = parkedNow
        self.evaluations = evaluations
    }

    public var evaluated: Int { evaluations.values.reduce(0, +) }
    /// Satisfied or basically satisfied, of the evaluations (0 without any).
    public var satisfactionRate: Double {
        evaluated == 0 ? 0 : Double((evaluations[.satisfied] ?? 0) + (evaluations[.basicallySatisfied] ?? 0)) / Double(evaluated)
    }
    /// 返工: the evaluations that sent the event back (dissatisfied), of all of them.
    public var returnRate: Double { evaluated == 0 ? 0 : Double(evaluations[.dissatisfied] ?? 0) / Double(evaluated) }
}
