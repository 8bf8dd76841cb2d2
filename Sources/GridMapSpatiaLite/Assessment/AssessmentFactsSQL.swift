import GRDB
import GridMapCore

/// The reads behind ``AssessmentFacts``: a town's events that touch a period, and the period's
/// evaluations and 督办 of its events.
enum AssessmentFactsSQL {
    static func events(town: String, period: AssessmentPeriod, _ db: Database) throws -> [AssessmentFacts.Event] {
        try Row.fetchAll(db, sql: """
            SELECT e.id, e.grid_code, e.village_code, e.platform_code, e.source, e.reporter, e.reported_at, e.deadline_at,
                   e.closed_at, e.status,
                   EXISTS (SELECT 1 FROM event_history h WHERE h.event_id = e.id AND h.to_status IS NOT NULL
                           AND h.to_status <> 'received') AS judged,
                   EXISTS (SELECT 1 FROM event_history h WHERE h.event_id = e.id
                           AND h.to_status IN ('dispatched', 'in_progress', 'resolved', 'evaluated', 'escalated')) AS taken_on
            FROM events e
            WHERE e.town_code = :town
              AND ((e.reported_at >= :from AND e.reported_at < :to) OR (e.deadline_at >= :from AND e.deadline_at < :to)
                   OR (e.closed_at >= :from AND e.closed_at < :to)
                   OR EXISTS (SELECT 1 FROM event_evaluations v WHERE v.event_id = e.id AND v.at >= :from AND v.at < :to)
                   OR EXISTS (SELECT 1 FROM event_supervisions s WHERE s.event_id = e.id AND s.issued_at >= :from AND s.issued_at < :to))
            ORDER BY e.id
            """, arguments: ["town": town, "from": period.from, "to": period.to]).map { row in
            AssessmentFacts.Event(
                id: row["id"], grid: row["grid_code"], village: row["village_code"], platform: row["platform_code"],
                source: EventSource(rawValue: row["source"]) ?? .app, reporter: row["reporter"], reportedAt: row["reported_at"],
                deadlineAt: row["deadline_at"], closedAt: row["closed_at"], status: EventStatus(rawValue: row["status"]) ?? .received,
                judged: row["judged"], takenOn: row["taken_on"])
        }
    }

    static func evaluations(town: String, period: AssessmentPeriod, _ db: Database) throws -> [AssessmentFacts.Evaluation] {
        try Row.fetchAll(db, sql: """
            SELECT v.event_id, v.satisfaction FROM event_evaluations v JOIN events e ON e.id = v.event_id
            WHERE e.town_code = ? AND v.at >= ? AND v.at < ? ORDER BY v.id
            """, arguments: [town, period.from, period.to]).compactMap { row in
            Satisfaction(rawValue: row[1]).map { AssessmentFacts.Evaluation(eventID: row[0], satisfaction: $0) }
        }
    }

    static func supervisions(town: String, period: AssessmentPeriod, _ db: Database) throws -> [AssessmentFacts.Supervision] {
        try Row.fetchAll(db, sql: """
            SELECT s.event_id, s.level, s.office FROM event_supervisions s JOIN events e ON e.id = s.event_id
            WHERE e.town_code = ? AND s.issued_at >= ? AND s.issued_at < ? ORDER BY s.id
            """, arguments: [town, period.from, period.to]).compactMap { row in
            SupervisionLevel(rawValue: row[1]).map { AssessmentFacts.Supervision(eventID: row[0], level: $0, office: row[2]) }
        }
    }
}
