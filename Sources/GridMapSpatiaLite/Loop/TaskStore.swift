import GRDB
import GridMapCore

/// Tasks (``EventTask``) in `event_tasks`, read and written on the caller's connection.
enum TaskStore {
    /// The tasks of event `id`, oldest first.
    static func tasks(of id: Int64, _ db: Database) throws -> [EventTask] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM event_tasks WHERE event_id = ? ORDER BY id"), arguments: [id]).map { row in
            EventTask(id: row["id"], eventID: row["event_id"], office: row["office"], lead: row["lead"], note: row["note"],
                      deadlineAt: row["deadline_at"], status: TaskStatus(rawValue: row["status"]) ?? .assigned,
                      assignedAt: row["assigned_at"], assignedBy: row["assigned_by"], acceptedAt: row["accepted_at"],
                      closedAt: row["closed_at"], reason: row["reason"])
        }
    }

    /// Stores a new task, status assigned, with its history entry; returns its id.
    static func insert(_ task: TaskAssignment, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO event_tasks (event_id, office, lead, note, deadline_at, status, assigned_at, assigned_by)
            VALUES (?, ?, ?, ?, ?, 'assigned', ?, ?)
            """, arguments: [task.eventID, task.office, task.lead, task.note, task.deadlineAt, task.at, task.actor])
        let id = db.lastInsertedRowID
        try EventHistoryWriter(db).append(task.eventID, at: task.at, actor: task.actor, action: "task_assigned", from: nil,
                                          to: nil, note: [task.office, task.note].compactMap { $0 }.joined(separator: ": "), task: id)
        return id
    }

    /// Stores a task's move with its history entry.
    static func apply(_ move: TaskMove, _ db: Database) throws {
        let moved = move.moved
        try db.execute(sql: "UPDATE event_tasks SET status = ?, accepted_at = ?, closed_at = ?, reason = ? WHERE id = ?",
                       arguments: [moved.status.rawValue, moved.acceptedAt, moved.closedAt, moved.reason, moved.id])
        try EventHistoryWriter(db).append(moved.eventID, at: move.at, actor: move.actor, action: "task_\(move.to.rawValue)",
                                          from: nil, to: nil, note: move.historyNote, task: moved.id)
    }
}

extension SpatiaLiteStore {
    /// The tasks assigned in [from, to), optionally to events of one town, for office statistics.
    public func taskFacts(assignedFrom from: Instant, to: Instant, town: String?) throws -> [TaskFact] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.office, t.status, t.assigned_at, t.closed_at, t.deadline_at FROM event_tasks t
                JOIN events e ON e.id = t.event_id
                WHERE t.assigned_at >= ? AND t.assigned_at < ? AND (? IS NULL OR e.town_code = ?)
                """, arguments: [from, to, town, town]).map { row in
                TaskFact(office: row[0], status: TaskStatus(rawValue: row[1]) ?? .assigned, assignedAt: row[2],
                         closedAt: row[3], deadlineAt: row[4])
            }
        }
    }
}
