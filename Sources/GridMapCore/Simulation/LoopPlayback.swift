/// What playing a ``LoopScript`` did.
public struct LoopPlayback: Sendable, Equatable {
    public var played = 0
    /// Steps the loop refused (the event had moved elsewhere, e.g. a reply with nothing awaiting).
    public var skipped = 0
    public var sweep = SupervisionSweep()
}

extension EventRepository {
    /// Every office with an open task on event `id` accepts it (when assigned) and, unless
    /// `acceptOnly`, finishes it, at `now`: what the offices do before an event may be resolved.
    @discardableResult
    public func finishTasks(of id: Int64, actor: String = "office", acceptOnly: Bool = false, at now: Instant) throws -> EventRecord? {
        for task in try event(id)?.tasks ?? [] where task.status.isOpen {
            if task.status == .assigned { _ = try moveTask(task.id, of: id, to: .accepted, reason: nil, actor: actor, at: now) }
            if !acceptOnly { _ = try moveTask(task.id, of: id, to: .done, reason: nil, actor: actor, at: now) }
        }
        return try event(id)
    }

    /// Plays `actions` on `events` (the script's event positions' ids) in time order up to
    /// `until`, the 督办 sweep running every hour of the way, as the command room `dispatcher`,
    /// the offices and the leader `leader` would.
    public func play(_ actions: [LoopScript.Action], events: [Int64], until: Instant, dispatcher: String, leader: String) throws -> LoopPlayback {
        var playback = LoopPlayback()
        guard let first = actions.first?.at else { return playback }
        var swept = Instant(milliseconds: first.milliseconds - first.milliseconds % 3_600_000)
        func sweep(to instant: Instant) throws {
            while swept.adding(hours: 1) <= instant {
                swept = swept.adding(hours: 1)
                let done = try sweepSupervision(at: swept)
                playback.sweep.urged += done.urged
                playback.sweep.escalated += done.escalated
            }
        }
        for action in actions where action.at < until {
            try sweep(to: action.at)
            do {
                try perform(action.step, on: events[action.event], at: action.at, dispatcher: dispatcher, leader: leader)
                playback.played += 1
            } catch is any CodedError {
                playback.skipped += 1
            }
        }
        try sweep(to: until)
        return playback
    }

    private func perform(_ step: LoopScript.Step, on id: Int64, at now: Instant, dispatcher: String, leader: String) throws {
        guard let event = try event(id) else { throw EventError.notFound(id) }
        let office = event.responsibleOffice ?? "牵头单位"
        switch step {
        case .triage: _ = try transition(id, to: .triaged, actor: dispatcher, note: nil, at: now)
        case .dispatch: _ = try transition(id, to: .dispatched, actor: dispatcher, note: nil, at: now)
        case .acceptTasks: try finishTasks(of: id, actor: office, acceptOnly: true, at: now)
        case .finishTasks: try finishTasks(of: id, actor: office, at: now)
        case .resolve: _ = try transition(id, to: .resolved, actor: dispatcher, note: "办结", at: now)
        case .supervise(let level):
            _ = try supervise(id, level: level, note: level == 3 ? "领导督办，限期办结" : "请加快办理", actor: level == 3 ? leader : dispatcher, at: now)
        case .reply:
            guard let waiting = event.supervision.records.last(where: \.awaitsReply) else { throw SupervisionError.replyNotExpected(.none) }
            _ = try reply(id, to: waiting.id, text: "已落实专人办理", actor: office, at: now)
        case .requestExtension(let hours):
            let due = event.supervision.window?.dueAt ?? event.deadlineAt ?? now
            _ = try requestExtension(id, until: max(due, now).adding(milliseconds: Int64(hours * 3_600_000)), reason: "需协调多部门",
                                     actor: office, at: now)
        case .decideExtension(let approve):
            guard let pending = event.supervision.pendingExtension else { throw SupervisionError.extensionPending(0) }
            _ = try decideExtension(id, extension: pending.id, approve: approve, note: approve ? "同意" : "请按期办结", actor: leader, at: now)
        case .park(let days):
            _ = try park(id, reason: "需待季节性条件具备后处理", review: now.adding(hours: Int64(days * 24)), actor: leader, at: now)
        case .unpark: _ = try transition(id, to: .triaged, actor: dispatcher, note: "复查后恢复办理", at: now)
        case .evaluate(let score, let satisfaction):
            _ = try evaluate(id, score: score, satisfaction: satisfaction, remark: nil, actor: dispatcher, at: now)
        }
    }
}
