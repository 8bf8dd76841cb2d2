import Foundation
import GRDB
import GridMapCore
import GridMapJSON
import GridMapGeometry

extension SpatiaLiteStore {
    /// Stores a located event, status `received`, with its first history entry, unless it is a
    /// county assignment delivered again (``EventIntake``); refuses (storing nothing) another
    /// body under a stored `externalID` of the same origin.
    public func intake(_ event: LocatedEvent, actor: String, at now: Instant) throws -> EventIntake {
        try write { db in
            var writer = try EventWriter(db)
            return try writer.intake(event, actor: actor, at: now)
        }
    }

    /// Stores a batch of events in one transaction (``EventRepository/intake(_:actor:at:)-(LocatedEvent,_,_)``).
    public func intake(_ events: [LocatedEvent], actor: String, at now: Instant) throws -> [EventIntake] {
        try write { db in
            var writer = try EventWriter(db)
            var intakes: [EventIntake] = [], problems: [String] = []
            for (position, event) in events.enumerated() {
                do {
                    intakes.append(try writer.intake(event, actor: actor, at: now))
                } catch let refusal as CountyError {
                    problems.append("item \(position + 1): \(refusal)")
                } catch let refusal as DuplicateEventError {
                    problems.append("item \(position + 1): \(refusal)")
                }
            }
            guard problems.isEmpty else { throw DatasetError(problems) }
            return intakes
        }
    }

    /// One event with its history, or nil.
    public func event(_ id: Int64) throws -> EventRecord? {
        try pool.read { db in try Self.event(id, db, snapshots: snapshots) }
    }

    /// Event `id` read on `db`, its snapshots decoded through `snapshots`.
    static func event(_ id: Int64, _ db: Database, snapshots: SnapshotCache) throws -> EventRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "\(selectEvents) WHERE e.id = ?"), arguments: [id]) else { return nil }
        var event = try snapshots.record(row)
        event.history = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM event_history WHERE event_id = ? ORDER BY seq"), arguments: [id]).map {
            EventHistoryEntry(seq: $0["seq"], at: $0["at"], actor: $0["actor"], action: $0["action"],
                              from: ($0["from_status"] as String?).flatMap(EventStatus.init),
                              to: ($0["to_status"] as String?).flatMap(EventStatus.init), note: $0["note"], task: $0["task_id"])
        }
        event.tasks = try TaskStore.tasks(of: id, db)
        try SupervisionStore.read(id, into: &event.supervision, db)
        event.consultations = try ConsultationStore.consultations(of: id, db)
        event.evaluations = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM event_evaluations WHERE event_id = ? ORDER BY id"), arguments: [id]).map {
            EventEvaluation(eventID: id, score: $0["score"], satisfaction: Satisfaction(rawValue: $0["satisfaction"]) ?? .satisfied,
                            remark: $0["remark"], actor: $0["actor"], at: $0["at"])
        }
        return event
    }

    public func updateEvents<T>(_ body: (any EventTransaction) throws -> T) throws -> T {
        try write { db in try body(EventUpdate(db: db)) }
    }

    /// Events matching `query`, by id, without their history.
    public func events(_ query: EventQuery) throws -> [EventRecord] {
        let filter = EventFilterSQL(query)
        let sql = "\(Self.selectEvents) WHERE \(filter.condition) ORDER BY e.id LIMIT :limit"
        return try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: filter.arguments(limit: query.limit)).map { try snapshots.record($0) }
        }
    }

    /// Events with their snapshots' JSON and open stage, in the columns ``SnapshotCache/record(_:)`` reads by position.
    private static let selectEvents = """
        SELECT e.id, e.category_code, e.description, e.input_x, e.input_y, e.crs, e.lon, e.lat, e.reported_at,
            e.source, e.reporter, e.grid_code, e.village_code, e.town_code, e.platform_code, e.routing_id, r.json,
            e.people_id, p.json, e.deadline_at, e.status, e.supervision_level, e.closed_at, e.duty_leader,
            \(SupervisionStore.openStageColumns), e.origin, e.external_id, e.upstream_deadline
        FROM events e JOIN event_snapshots r ON r.id = e.routing_id JOIN event_snapshots p ON p.id = e.people_id
            \(SupervisionStore.openStageJoin)
        """

    /// Appends to an event's history.
    static func appendHistory(_ id: Int64, at: Instant, actor: String, action: String, from: EventStatus?,
                              to: EventStatus?, note: String?, _ db: Database) throws {
        try EventHistoryWriter(db).append(id, at: at, actor: actor, action: action, from: from, to: to, note: note)
    }
}

/// The loop's moves on one SpatiaLite connection, inside the caller's write transaction.
struct EventUpdate: EventTransaction {
    let db: Database

    /// Decoded afresh: a snapshot this transaction wrote is not committed, so not for the store's cache.
    func event(_ id: Int64) throws -> EventRecord? { try SpatiaLiteStore.event(id, db, snapshots: SnapshotCache()) }

    func dutyLeader(town: String, date: String) throws -> DutyDay? {
        try SpatiaLiteStore.dutyLeader(town: town, date: date, db)
    }

    func apply(_ change: EventStatusChange) throws {
        try db.execute(sql: "UPDATE events SET status = ?, closed_at = ?, deadline_at = COALESCE(?, deadline_at) WHERE id = ?",
                       arguments: [change.to.rawValue, change.closedAt, change.deadlineAt, change.eventID])
        if case .enters(let window) = change.stage { try SupervisionStore.enter(window, event: change.eventID, at: change.at, db) }
        if let leader = change.dutyLeader {
            try db.execute(sql: "UPDATE events SET duty_leader = ? WHERE id = ?", arguments: [RecordedJSON.dutyLeader(leader), change.eventID])
        }
        try SpatiaLiteStore.appendHistory(change.eventID, at: change.at, actor: change.actor, action: "transition",
                                          from: change.from, to: change.to, note: change.note, db)
    }

    func platforms(town: String) throws -> [Platform] {
        try SpatiaLiteStore.currentPlatforms(town: town, db)
    }

    func assign(_ task: TaskAssignment) throws -> Int64 { try TaskStore.insert(task, db) }

    func apply(_ move: TaskMove) throws { try TaskStore.apply(move, db) }

    func record(_ consultation: Consultation, note: String) throws -> Int64 { try ConsultationStore.insert(consultation, note: note, db) }

    func record(_ evaluation: EventEvaluation) throws {
        try db.execute(sql: "INSERT INTO event_evaluations (event_id, score, satisfaction, remark, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [evaluation.eventID, evaluation.score, evaluation.satisfaction.rawValue, evaluation.remark,
                                   evaluation.actor, evaluation.at])
    }

    func supervisionCandidates(at now: Instant, among ids: [Int64]?) throws -> [SupervisionCandidate] {
        try SupervisionStore.candidates(at: now, among: ids, db)
    }

    func supervisionPolicy(town: String?) throws -> SupervisionPolicy { try SupervisionStore.policy(town: town, db) }

    func issue(_ record: SupervisionRecord) throws -> Int64 { try SupervisionStore.issue(record, db) }

    func apply(_ reply: SupervisionReply) throws { try SupervisionStore.apply(reply, db) }

    func request(_ extension: StageExtension) throws -> Int64 { try SupervisionStore.request(`extension`, db) }

    func apply(_ decision: ExtensionDecision) throws { try SupervisionStore.apply(decision, db) }

    func apply(_ correction: EventCorrection) throws {
        var writer = try EventWriter(db)
        try writer.correct(correction)
    }
}

/// Appends rows to `event_history`, each live change with its `outbox` row (``OutboxTopic``) in
/// the same transaction, through prepared statements.
struct EventHistoryWriter {
    private let statement: FastStatement
    private let outbox: FastStatement

    init(_ db: Database) throws {
        statement = try FastStatement(db, sql: """
            INSERT INTO event_history (event_id, seq, at, actor, action, from_status, to_status, note, task_id)
            VALUES (?1, COALESCE(?2, (SELECT MAX(seq) FROM event_history WHERE event_id = ?1) + 1, 1), ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            RETURNING seq
            """)
        outbox = try FastStatement(db, sql: "INSERT INTO outbox (topic, event_id, seq, at) VALUES (?1, ?2, ?3, ?4)")
    }

    /// Appends an entry, and its outbox row when it is a live change; `seq` defaults to the event's next one.
    func append(_ id: Int64, seq: Int64? = nil, at: Instant, actor: String, action: String, from: EventStatus?,
                to: EventStatus?, note: String?, task: Int64? = nil) throws {
        let s = statement
        s.bind(id, at: 1)
        s.bind(seq, at: 2)
        s.bind(at, at: 3)
        s.bind(actor, at: 4)
        s.bind(action, at: 5)
        s.bind(from?.rawValue, at: 6)
        s.bind(to?.rawValue, at: 7)
        s.bind(note, at: 8)
        s.bind(task, at: 9)
        let stored = try s.run()
        guard let topic = OutboxTopic(action: action, to: to) else { return }
        outbox.bind(topic.rawValue, at: 1)
        outbox.bind(id, at: 2)
        outbox.bind(stored, at: 3)
        outbox.bind(at, at: 4)
        try outbox.run()
    }
}

/// The people on duty as recorded with an event (an `event_snapshots` row).
func peopleSnapshot(_ people: [Person]) -> String { RecordedJSON.people(people.map(RecordedPerson.init)) }
