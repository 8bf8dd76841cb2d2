extension EventRepository {
    /// Evaluates resolved event `id` (``EventEvaluation``): the evaluation is kept, and the event
    /// moves to evaluated, or back to triage (returned) when the reporter was dissatisfied; one
    /// transaction.
    public func evaluate(_ id: Int64, score: Int, satisfaction: Satisfaction, remark: String?, actor: String,
                         at now: Instant, within scope: AccessScope = .everywhere) throws -> EventRecord {
        try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            let evaluation = try EventEvaluation(event, score: score, satisfaction: satisfaction, remark: remark, actor: actor, at: now)
            try transaction.move(event, to: evaluation.outcome, actor: actor, note: evaluation.historyNote, at: now)
            try transaction.record(evaluation)
            return try transaction.event(id)!
        }
    }
}
