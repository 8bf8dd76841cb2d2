/// An event the sweep looks at: red, unclosed, unparked, with no level-2 or higher record in its
/// current stage; with what a record needs, so that the sweep reads no whole event.
public struct SupervisionCandidate: Sendable, Equatable {
    public var eventID: Int64
    public var town: String?
    /// Its current stage (nil for an event whose stages are not recorded).
    public var stageID: Int64?
    public var stage: SupervisionStage?
    /// The responsible office (``EventRecord/responsibleOffice``).
    public var office: String?
    /// When its current stage's 催办 was issued; nil when none was.
    public var urgedAt: Instant?

    public init(eventID: Int64, town: String?, stageID: Int64?, stage: SupervisionStage?, office: String?, urgedAt: Instant?) {
        self.eventID = eventID
        self.town = town
        self.stageID = stageID
        self.stage = stage
        self.office = office
        self.urgedAt = urgedAt
    }

    /// The level the sweep issues now under `policy`: 催办 at red, 督办 once 催办 has stayed red
    /// for the policy's escalation delay; nil when neither is due.
    public func due(under policy: SupervisionPolicy, at now: Instant) -> SupervisionLevel? {
        guard let urgedAt else { return .urged }
        return now.milliseconds - urgedAt.milliseconds >= policy.escalationDelay ? .supervised : nil
    }
}

/// What one sweep issued.
public struct SupervisionSweep: Sendable, Equatable {
    public var urged: Int
    public var escalated: Int

    public init(urged: Int = 0, escalated: Int = 0) {
        self.urged = urged
        self.escalated = escalated
    }
}

extension EventRepository {
    /// 督办 by the clock, as the server's periodic task runs it: each red event gets 催办 (level 1)
    /// once per stage, and 督办 (level 2) when it stays red for the policy's escalation delay, each
    /// a record with a history row. The candidates are read outside any write; only the events
    /// due a level are written, in transactions of `batch` events, each reading its candidates
    /// again (a move in between wins), so writers wait at most one batch. Lights need no sweep:
    /// they are a function of the time (``SupervisionLight/of(_:window:overall:at:)``), computed
    /// at every read.
    @discardableResult
    public func sweepSupervision(at now: Instant, batch: Int = 2_000) throws -> SupervisionSweep {
        var policies: [String?: SupervisionPolicy] = [:]
        let due = try supervisionCandidates(at: now).filter { candidate in
            let policy = try policies[candidate.town] ?? supervisionPolicy(town: candidate.town)
            policies[candidate.town] = policy
            return candidate.due(under: policy, at: now) != nil
        }
        var sweep = SupervisionSweep()
        for start in stride(from: 0, to: due.count, by: batch) {
            let ids = due[start..<min(start + batch, due.count)].map(\.eventID)
            let done = try updateEvents { transaction in
                var done = SupervisionSweep()
                for candidate in try transaction.supervisionCandidates(at: now, among: ids) {
                    guard let policy = policies[candidate.town], let level = candidate.due(under: policy, at: now) else { continue }
                    let note = level == .urged ? "红灯: \(candidate.stage?.name ?? "总办理时限")超时，自动催办" : "催办后持续红灯，自动督办"
                    _ = try transaction.issue(SupervisionRecord(eventID: candidate.eventID, level: level, stageID: candidate.stageID,
                                                                stage: candidate.stage, office: candidate.office, note: note,
                                                                issuedAt: now, issuedBy: "system"))
                    if level == .urged { done.urged += 1 } else { done.escalated += 1 }
                }
                return done
            }
            sweep.urged += done.urged
            sweep.escalated += done.escalated
        }
        return sweep
    }
}
