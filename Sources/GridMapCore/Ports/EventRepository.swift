import Foundation
import GridMapGeometry

/// The events of record: each with its routing, people on duty and history, and the loop's moves.
public protocol EventRepository: Sendable {
    /// Stores a located event, status `received`, with its first history entry (and its outbox
    /// row), in one transaction. An `externalID` is unique per origin: a local event whose id is
    /// stored throws ``DuplicateEventError``; a county assignment (上级交办) delivered again with
    /// the same body is the stored event, unchanged (`created` false), and with another body
    /// throws ``CountyError/externalIDConflict(externalID:id:)`` — nothing stored either way.
    func intake(_ event: LocatedEvent, actor: String, at now: Instant) throws -> EventIntake
    /// Stores a batch the same way in one transaction, answering each one's intake in order;
    /// every item refused (a conflict, a duplicate) is reported, 1-based, in a ``DatasetError``,
    /// and then nothing is stored.
    func intake(_ events: [LocatedEvent], actor: String, at now: Instant) throws -> [EventIntake]
    /// One event with its history, or nil.
    func event(_ id: Int64) throws -> EventRecord?
    /// Runs `body` in one write transaction over the events: when it throws, nothing it stored
    /// remains. The loop's rules are Core's (``EventRepository/transition(_:to:actor:note:at:within:)``).
    func updateEvents<T>(_ body: (any EventTransaction) throws -> T) throws -> T
    /// The unclosed, unparked events red at `now` without level-2 or higher records in their
    /// current stage, read outside any write (``EventTransaction/supervisionCandidates(at:among:)``).
    func supervisionCandidates(at now: Instant) throws -> [SupervisionCandidate]
    /// The 督办 rules of the town's current platform model, read outside any write.
    func supervisionPolicy(town: String?) throws -> SupervisionPolicy
    /// The extension requests in `status` of the events inside `scope`, oldest first.
    func extensions(_ status: ExtensionStatus, within scope: AccessScope) throws -> [StageExtension]
    /// Events matching `query`, by id, without their history.
    func events(_ query: EventQuery) throws -> [EventRecord]
    /// Summaries of the events matching `query` (its filters, `after` and `limit`), by id.
    func eventSummaries(_ query: EventQuery) throws -> [EventSummary]
    /// How many events match `query`'s filters (its `after` and `limit` ignored).
    func eventCount(_ query: EventQuery) throws -> Int
    /// The highest event id (0 when there are none).
    func lastEventID() throws -> Int64
    /// The box of every event's point and the first and last report times; nil with no events.
    func eventExtent() throws -> EventExtent?
    /// Moves whenever any event changes: cheap to poll.
    func eventsRevision() throws -> Int64
    /// The tasks assigned in [from, to), optionally to events of one town, for office statistics.
    func taskFacts(assignedFrom from: Instant, to: Instant, town: String?) throws -> [TaskFact]
    /// The loop's figures for [from, to), optionally of one town's events (``LoopStats``); parked ones as they stand now.
    func loopStats(from: Instant, to: Instant, town: String?) throws -> LoopStats
    /// Brings a facts table up to date: only the events changed since its mark are read.
    func refresh(_ table: inout EventFactsTable) throws
    /// Locates, routes and stores historical events in one transaction, each by what was valid
    /// when it was reported; idempotent (re-delivered rows are skipped and counted). Every event
    /// that cannot be routed, or is reported after `now`, is reported with
    /// its position and then nothing is stored.
    func importEvents(_ events: [HistoricalEvent], resolvers: HistoricalResolvers, actor: String, now: Instant) throws -> EventImportSummary
}

/// What one of the loop's moves reads and writes inside ``EventRepository/updateEvents(_:)``.
public protocol EventTransaction {
    func event(_ id: Int64) throws -> EventRecord?
    /// The town's duty leader (值班领导) on a Beijing date (`YYYY-MM-DD`).
    func dutyLeader(town: String, date: String) throws -> DutyDay?
    /// Stores a move the loop allowed: the new status, `closed_at`, the duty leader, the history entry.
    func apply(_ change: EventStatusChange) throws
    /// The platforms (and their offices) of the town's current platform model.
    func platforms(town: String) throws -> [Platform]
    /// Stores a new task, status assigned, with a history entry; returns its id.
    func assign(_ task: TaskAssignment) throws -> Int64
    /// Stores a task's move with a history entry.
    func apply(_ move: TaskMove) throws
    /// Stores a triage correction: the event's category, place, routing, people and deadline
    /// (its history row is the move's).
    func apply(_ correction: EventCorrection) throws
    /// Keeps an evaluation (its move is stored apart).
    func record(_ evaluation: EventEvaluation) throws
    /// Stores a consultation with a history row carrying `note`; returns its id.
    func record(_ consultation: Consultation, note: String) throws -> Int64
    /// The unclosed, unparked events red at `now` that no level-2 or higher record supervises
    /// in their current stage (only those of `ids` when given): what the sweep
    /// (``EventRepository/sweepSupervision(at:)``) looks at, read again before it writes.
    func supervisionCandidates(at now: Instant, among ids: [Int64]?) throws -> [SupervisionCandidate]
    /// The 督办 rules of the town's current platform model (the defaults without a town or rules).
    func supervisionPolicy(town: String?) throws -> SupervisionPolicy
    /// Stores a supervision record with a history row, raising the event's level; returns its id.
    func issue(_ record: SupervisionRecord) throws -> Int64
    /// Stores an office's answer to a record, with a history row.
    func apply(_ reply: SupervisionReply) throws
    /// Stores a pending extension request with a history row; returns its id.
    func request(_ extension: StageExtension) throws -> Int64
    /// Stores a leader's decision on an extension and what it moves, with a history row.
    func apply(_ decision: ExtensionDecision) throws
}

extension EventRepository {
    /// Stores a located event (``intake(_:actor:at:)``) and answers its id.
    @discardableResult
    public func recordEvent(_ event: LocatedEvent, actor: String, at now: Instant) throws -> Int64 {
        try intake(event, actor: actor, at: now).id
    }

    /// The facts of every event, for in-memory statistics.
    public func eventFactsTable() throws -> EventFactsTable {
        var table = EventFactsTable()
        try refresh(&table)
        return table
    }
}

extension EventRepository {
    /// Imports historical events as `actor`, now.
    public func importEvents(_ events: [HistoricalEvent], resolvers: HistoricalResolvers,
                             actor: String = "import") throws -> EventImportSummary {
        try importEvents(events, resolvers: resolvers, actor: actor, now: .now())
    }
}
