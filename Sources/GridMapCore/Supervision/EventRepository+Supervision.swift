extension EventRepository {
    /// Issues 督办 (level 2, the command room's) or 领导督办 (level 3, a leader's: the caller checks
    /// who may) on an unclosed event not held (挂账, 上报) `id`, addressed to the responsible office; refused
    /// while a record of that level or higher waits for its answer in the current stage.
    public func supervise(_ id: Int64, level: Int, note: String?, actor: String, at now: Instant,
                          within scope: AccessScope = .everywhere) throws -> SupervisionRecord {
        guard let level = SupervisionLevel(rawValue: level), level >= .supervised else { throw SupervisionError.levelNotIssuable(level) }
        return try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            guard !event.status.isClosed && !event.status.isHeld else { throw SupervisionError.notSupervisable(event.status) }
            if let waiting = event.supervision.currentRecords.first(where: { $0.awaitsReply && $0.level >= level }) {
                throw SupervisionError.alreadyIssued(waiting.level, record: waiting.id)
            }
            let stage = event.supervision.window
            var record = SupervisionRecord(eventID: id, level: level, stageID: stage?.id, stage: stage?.stage, office: event.responsibleOffice,
                                           note: note, issuedAt: now, issuedBy: actor)
            record.id = try transaction.issue(record)
            return record
        }
    }

    /// Records the office's answer to 督办 record `recordID` of event `id` (levels 2 and 3 only, once).
    public func reply(_ id: Int64, to recordID: Int64, text: String, actor: String, at now: Instant,
                      within scope: AccessScope = .everywhere) throws -> SupervisionRecord {
        try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            guard let record = event.supervision.records.first(where: { $0.id == recordID }) else {
                throw SupervisionError.unknownRecord(event: id, record: recordID)
            }
            guard record.level.expectsReply else { throw SupervisionError.replyNotExpected(record.level) }
            guard record.repliedAt == nil else { throw SupervisionError.alreadyReplied(record: recordID) }
            try transaction.apply(SupervisionReply(record: record, text: text, actor: actor, at: now))
            var answered = record
            answered.reply = text
            answered.repliedAt = now
            answered.repliedBy = actor
            return answered
        }
    }

    /// Asks for the current stage of an unclosed event not held (挂账, 上报) `id` to run until `until` (延期);
    /// one request waits at a time, and `until` must lie after now and the stage's deadline.
    public func requestExtension(_ id: Int64, until: Instant, reason: String, actor: String, at now: Instant,
                                 within scope: AccessScope = .everywhere) throws -> StageExtension {
        guard !reason.allSatisfy(\.isWhitespace) else { throw SupervisionError.reasonRequired }
        return try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            guard !event.status.isClosed && !event.status.isHeld else { throw SupervisionError.notSupervisable(event.status) }
            if let pending = event.supervision.pendingExtension { throw SupervisionError.extensionPending(pending.id) }
            let due = event.supervision.window?.dueAt ?? event.deadlineAt
            let floor = max(now, due ?? now)
            guard until > floor else { throw SupervisionError.notLater(field: "until", than: floor) }
            let stage = event.supervision.window
            var request = StageExtension(eventID: id, stageID: stage?.id, stage: stage?.stage, until: until, reason: reason,
                                         requestedAt: now, requestedBy: actor)
            request.id = try transaction.request(request)
            return request
        }
    }

    /// A leader's answer to pending extension `extensionID` of event `id` (the caller checks who
    /// may): approved, the stage it was asked in runs until `until` (yellow at the policy's share
    /// of it) and the overall deadline moves there when it was earlier; refused, nothing moves.
    public func decideExtension(_ id: Int64, extension extensionID: Int64, approve: Bool, note: String?, actor: String,
                                at now: Instant, within scope: AccessScope = .everywhere) throws -> StageExtension {
        try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            guard var request = event.supervision.extensions.first(where: { $0.id == extensionID }) else {
                throw SupervisionError.unknownExtension(event: id, extension: extensionID)
            }
            guard request.status == .pending else { throw SupervisionError.extensionDecided(extensionID, request.status) }
            request.status = approve ? .approved : .refused
            request.decidedAt = now
            request.decidedBy = actor
            request.decisionNote = note
            var decision = ExtensionDecision(decided: request, window: nil, deadlineAt: nil, actor: actor, at: now)
            if approve {
                let window = event.supervision.window
                if let window, window.id == request.stageID {
                    decision.window = window.extended(to: request.until, warning: try transaction.supervisionPolicy(town: event.townCode).warning)
                }
                if let deadline = event.deadlineAt, deadline < request.until { decision.deadlineAt = request.until }
            }
            try transaction.apply(decision)
            return request
        }
    }

    /// 挂账: a leader (the caller checks who may) sets event `id` aside until the Beijing day
    /// `review` ends, with `reason`; open tasks are withdrawn. Leaving it (to triaged) moves the
    /// overall deadline on by the time parked.
    public func park(_ id: Int64, reason: String, review: Instant, actor: String, at now: Instant,
                     within scope: AccessScope = .everywhere) throws -> EventRecord {
        guard !reason.allSatisfy(\.isWhitespace) else { throw SupervisionError.reasonRequired }
        guard review > now else { throw SupervisionError.notLater(field: "review_on", than: now) }
        return try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            try transaction.move(event, to: .parked, actor: actor, note: "挂账: \(reason); 复查 \(review.beijingMinute)",
                                 at: now, review: review)
            return try transaction.event(id)!
        }
    }
}
