import Foundation
import GRDB
import GridMapCore

/// 督办 in `event_stages`, `event_supervisions` and `event_extensions`, on the caller's connection.
enum SupervisionStore {
    /// The stage columns `SpatiaLiteStore.selectEvents` reads, of the open stage `s`.
    static let openStageColumns = "s.id, s.stage, s.started_at, s.warn_at, s.due_at"
    static let openStageJoin = "LEFT JOIN event_stages s ON s.event_id = e.id AND s.ended_at IS NULL"

    /// The open stage read from `row` at column `first` (``openStageColumns``); nil without one.
    static func window(_ row: Row, at first: Int) -> StageWindow? {
        guard let id = row[first] as Int64?, let stage = SupervisionStage(rawValue: row[first + 1]) else { return nil }
        return StageWindow(id: id, stage: stage, startedAt: row[first + 2], warnAt: row[first + 3], dueAt: row[first + 4])
    }

    /// Ends event `id`'s open stage at `at` and opens `window` (when there is one).
    static func enter(_ window: StageWindow?, event id: Int64, at: Instant, _ db: Database) throws {
        try db.execute(sql: "UPDATE event_stages SET ended_at = ? WHERE event_id = ? AND ended_at IS NULL", arguments: [at, id])
        guard let window else { return }
        try db.execute(sql: "INSERT INTO event_stages (event_id, stage, started_at, warn_at, due_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, window.stage.rawValue, window.startedAt, window.warnAt, window.dueAt])
    }

    /// The records and extension requests of event `id`, oldest first.
    static func read(_ id: Int64, into supervision: inout EventSupervision, _ db: Database) throws {
        let stages = try Dictionary(Row.fetchAll(db.cachedStatement(sql: "SELECT id, stage FROM event_stages WHERE event_id = ?"), arguments: [id]).map {
            ($0[0] as Int64, SupervisionStage(rawValue: $0[1]))
        }) { first, _ in first }
        supervision.records = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM event_supervisions WHERE event_id = ? ORDER BY id"),
                                               arguments: [id]).map { row in
            let stageID: Int64? = row["stage_id"]
            return SupervisionRecord(id: row["id"], eventID: id, level: SupervisionLevel(rawValue: row["level"]) ?? .urged,
                                     stageID: stageID, stage: stageID.flatMap { stages[$0] ?? nil }, office: row["office"],
                                     note: row["note"], issuedAt: row["issued_at"], issuedBy: row["issued_by"], reply: row["reply"],
                                     repliedAt: row["replied_at"], repliedBy: row["replied_by"])
        }
        supervision.extensions = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM event_extensions WHERE event_id = ? ORDER BY id"),
                                                  arguments: [id]).map { extensionRequest($0, stage: { stages[$0] ?? nil }) }
    }

    static func extensionRequest(_ row: Row, stage: (Int64) -> SupervisionStage?) -> StageExtension {
        let stageID: Int64? = row["stage_id"]
        return StageExtension(id: row["id"], eventID: row["event_id"], stageID: stageID, stage: stageID.flatMap(stage),
                              until: row["until"], reason: row["reason"], requestedAt: row["requested_at"],
                              requestedBy: row["requested_by"], status: ExtensionStatus(rawValue: row["status"]) ?? .pending,
                              decidedAt: row["decided_at"], decidedBy: row["decided_by"], decisionNote: row["decision_note"])
    }

    static func issue(_ r: SupervisionRecord, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO event_supervisions (event_id, stage_id, level, office, note, issued_at, issued_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.eventID, r.stageID, r.level.rawValue, r.office, r.note, r.issuedAt, r.issuedBy])
        let id = db.lastInsertedRowID
        try db.execute(sql: "UPDATE events SET supervision_level = max(supervision_level, ?) WHERE id = ?",
                       arguments: [r.level.rawValue, r.eventID])
        let note = ["\(r.level.name) #\(id)", r.office.map { "致\($0)" }, r.note].compactMap { $0 }.joined(separator: ": ")
        try EventHistoryWriter(db).append(r.eventID, at: r.issuedAt, actor: r.issuedBy, action: "supervision", from: nil, to: nil, note: note)
        return id
    }

    static func apply(_ reply: SupervisionReply, _ db: Database) throws {
        try db.execute(sql: "UPDATE event_supervisions SET reply = ?, replied_at = ?, replied_by = ? WHERE id = ?",
                       arguments: [reply.text, reply.at, reply.actor, reply.record.id])
        try EventHistoryWriter(db).append(reply.record.eventID, at: reply.at, actor: reply.actor, action: "supervision_reply",
                                          from: nil, to: nil, note: "答复\(reply.record.level.name) #\(reply.record.id): \(reply.text)")
    }

    static func request(_ x: StageExtension, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO event_extensions (event_id, stage_id, until, reason, requested_at, requested_by, status)
            VALUES (?, ?, ?, ?, ?, ?, 'pending')
            """, arguments: [x.eventID, x.stageID, x.until, x.reason, x.requestedAt, x.requestedBy])
        let id = db.lastInsertedRowID
        try EventHistoryWriter(db).append(x.eventID, at: x.requestedAt, actor: x.requestedBy, action: "extension_requested",
                                          from: nil, to: nil, note: "申请延期 #\(id) 至 \(x.until.beijingMinute): \(x.reason)")
        return id
    }

    static func apply(_ d: ExtensionDecision, _ db: Database) throws {
        let x = d.decided
        try db.execute(sql: "UPDATE event_extensions SET status = ?, decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?",
                       arguments: [x.status.rawValue, x.decidedAt, x.decidedBy, x.decisionNote, x.id])
        if let window = d.window, let stageID = window.id {
            try db.execute(sql: "UPDATE event_stages SET warn_at = ?, due_at = ? WHERE id = ?",
                           arguments: [window.warnAt, window.dueAt, stageID])
        }
        if let deadline = d.deadlineAt {
            try db.execute(sql: "UPDATE events SET deadline_at = ? WHERE id = ?", arguments: [deadline, x.eventID])
        }
        try EventHistoryWriter(db).append(x.eventID, at: d.at, actor: d.actor, action: "extension_\(x.status.rawValue)",
                                          from: nil, to: nil, note: "延期 #\(x.id) \(d.historyNote)")
    }

    /// What the sweep looks at (``EventTransaction/supervisionCandidates(at:)``), in one query.
    static func candidates(at now: Instant, among ids: [Int64]?, _ db: Database) throws -> [SupervisionCandidate] {
        // Among given ids, they drive the query (one look-up each), not a scan of the red events.
        let source = ids == nil ? "events e" : "json_each(:ids) j JOIN events e ON e.id = j.value"
        var arguments: StatementArguments = ["now": now]
        if let ids { arguments += ["ids": "[" + ids.map(String.init).joined(separator: ",") + "]"] }
        return try Row.fetchAll(db, sql: """
            SELECT e.id, e.town_code, s.id, s.stage,
                COALESCE((SELECT t.office FROM event_tasks t WHERE t.event_id = e.id AND t.lead = 1 AND t.status IN ('assigned', 'accepted')
                          ORDER BY t.id LIMIT 1), json_extract(r.json, '$.office')),
                (SELECT min(v.issued_at) FROM event_supervisions v WHERE v.event_id = e.id AND v.stage_id IS s.id AND v.level = 1)
            FROM \(source) JOIN event_snapshots r ON r.id = e.routing_id \(openStageJoin)
            WHERE e.status NOT IN \(EventFilterSQL.closedOrHeld) AND (e.deadline_at <= :now OR s.due_at <= :now)
              AND NOT EXISTS (SELECT 1 FROM event_supervisions v WHERE v.event_id = e.id AND v.stage_id IS s.id AND v.level >= 2)
            ORDER BY e.id
            """, arguments: arguments).map {
            SupervisionCandidate(eventID: $0[0], town: $0[1], stageID: $0[2], stage: ($0[3] as String?).flatMap(SupervisionStage.init(rawValue:)),
                                 office: $0[4], urgedAt: $0[5])
        }
    }

    /// The 督办 rules of `town`'s current platform model; the defaults without one.
    static func policy(town: String?, _ db: Database) throws -> SupervisionPolicy {
        guard let town, let text = try String.fetchOne(db, sql: """
            SELECT supervision FROM taxonomies WHERE town_code = ? AND valid_to IS NULL
            """, arguments: [town]) else { return .defaults }
        return try JSONDecoder().decode(SupervisionPolicy.self, from: Data(text.utf8))
    }
}

extension SpatiaLiteStore {
    public func supervisionCandidates(at now: Instant) throws -> [SupervisionCandidate] {
        try pool.read { db in try SupervisionStore.candidates(at: now, among: nil, db) }
    }

    public func supervisionPolicy(town: String?) throws -> SupervisionPolicy {
        try pool.read { db in try SupervisionStore.policy(town: town, db) }
    }

    public func extensions(_ status: ExtensionStatus, within scope: AccessScope) throws -> [StageExtension] {
        let town = scope.level == "town" ? scope.code : nil, village = scope.level == "village" ? scope.code : nil
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT x.*, s.stage AS stage_name FROM event_extensions x JOIN events e ON e.id = x.event_id
                LEFT JOIN event_stages s ON s.id = x.stage_id
                WHERE x.status = ? AND (? IS NULL OR e.town_code = ?) AND (? IS NULL OR e.village_code = ?) ORDER BY x.id
                """, arguments: [status.rawValue, town, town, village, village]).map { row in
                let stage = (row["stage_name"] as String?).flatMap(SupervisionStage.init(rawValue:))
                return SupervisionStore.extensionRequest(row, stage: { _ in stage })
            }
        }
    }
}
