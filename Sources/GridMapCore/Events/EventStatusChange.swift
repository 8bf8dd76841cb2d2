/// One move of the loop, as the loop allowed it: what a repository stores for it.
public struct EventStatusChange: Sendable, Equatable {
    public var eventID: Int64
    public var from: EventStatus
    public var to: EventStatus
    /// The event's `closed_at` after the move: kept when it was closed before, `at` when the move
    /// closes it, nil when it reopens.
    public var closedAt: Instant?
    /// The town's duty leader when the move dispatches and one is on the roster that day.
    public var dutyLeader: DutyDay?
    public var actor: String
    public var at: Instant
    /// The history entry's note: the caller's, then the duty leader's name and phone.
    public var note: String?
    /// What the move does to the event's stage (``SupervisionStage``).
    public var stage: StageMove = .stays
    /// The event's new overall deadline when the move shifts it (leaving 挂账), else nil.
    public var deadlineAt: Instant?

    /// The loop's rule for moving `current` to `status` at `now`: legal only
    /// to one of ``EventStatus/allowedNext`` (else ``EventError/illegalTransition(from:to:)``), and
    /// to resolved only once no task is open (else ``EventError/openTasks(_:)``), to and from
    /// 上报 only with a note (``CountyError/noteRequired(_:)``);
    /// dispatching names the town's duty leader of that Beijing day (值班领导), looked up with
    /// `dutyLeader(town, date)`.
    public init(_ current: EventRecord, to status: EventStatus, actor: String, note: String?, at now: Instant,
                dutyLeader: (_ town: String, _ date: String) throws -> DutyDay?) throws {
        guard current.status.allowedNext.contains(status) else {
            throw EventError.illegalTransition(from: current.status, to: status)
        }
        if current.status.moveNeedsNote(to: status) && (note ?? "").allSatisfy(\.isWhitespace) {
            throw CountyError.noteRequired(status == .escalated ? status : current.status)
        }
        let open = current.tasks.filter(\.status.isOpen)
        if status == .resolved && !open.isEmpty { throw EventError.openTasks(open.map(OpenTask.init)) }
        eventID = current.id
        from = current.status
        to = status
        closedAt = status.isClosed ? (current.closedAt ?? now) : nil
        self.actor = actor
        at = now
        if status == .dispatched, let town = current.townCode {
            self.dutyLeader = try dutyLeader(town, DutyDay.beijingDate(of: now))
        }
        self.note = self.dutyLeader.map { leader in
            [note, "值班领导 \(leader.name) \(leader.phone)"].compactMap { $0 }.joined(separator: "; ")
        } ?? note
    }
}

extension EventRepository {
    /// Moves an event to `status` if the loop allows it (``EventStatusChange``), appending to its
    /// history, with what follows for its tasks (``EventTransaction/move(_:to:actor:note:at:)``),
    /// in one transaction; ``EventError/notFound(_:)`` for an unknown id, ``ScopeError`` for an
    /// event outside `scope`, ``CountyError/notYourMove(from:to:needs:)`` when `role` may not
    /// make it (``EventStatus/permissionToMoveOn``; nil: the command line, any move) — nothing stored. Evaluating takes a score and satisfaction
    /// (``evaluate(_:score:satisfaction:remark:actor:at:within:)``) and 挂账 a reason and review
    /// date (``park(_:reason:review:actor:at:within:)``), not a plain move.
    public func transition(_ id: Int64, to status: EventStatus, actor: String, note: String?, at now: Instant,
                           within scope: AccessScope = .everywhere, by role: AccessRole? = nil) throws -> EventRecord {
        try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            let needs = event.status.permissionToMoveOn
            if let role, !role.may(needs) { throw CountyError.notYourMove(from: event.status, to: status, needs: needs) }
            if status == .evaluated && event.status.allowedNext.contains(.evaluated) { throw EvaluationError.evaluationRequired }
            if status == .parked && event.status.allowedNext.contains(.parked) { throw SupervisionError.parkingRequired }
            try transaction.move(event, to: status, actor: actor, note: note, at: now)
            return try transaction.event(id)!
        }
    }
}

/// What a move does to an event's stage.
public enum StageMove: Sendable, Equatable {
    /// It stays in its stage (received → triaged, returned → triaged: still the command room's).
    case stays
    /// The current stage ends and `window` begins (nil: none, the event is closed).
    case enters(StageWindow?)
}
