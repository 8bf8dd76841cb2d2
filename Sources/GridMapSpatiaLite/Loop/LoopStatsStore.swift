import GRDB
import GridMapCore

extension SpatiaLiteStore {
    /// The loop's figures for [from, to), optionally of one town's events, each by one aggregate
    /// over its table's time index.
    public func loopStats(from: Instant, to: Instant, town: String?) throws -> LoopStats {
        let arguments: StatementArguments = ["from": from, "to": to, "town": town]
        let ofTown = "(:town IS NULL OR e.town_code = :town)"
        return try pool.read { db in
            let stages = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db.cachedStatement(sql: """
                SELECT s.stage, count(*), sum(s.due_at IS NULL OR s.ended_at <= s.due_at) FROM event_stages s
                JOIN events e ON e.id = s.event_id
                WHERE s.ended_at >= :from AND s.ended_at < :to AND s.stage != 'parked' AND \(ofTown) GROUP BY s.stage
                """), arguments: arguments).map { ($0[0] as String, ($0[1] as Int, $0[2] as Int)) })
            let levels = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT v.level, count(*) FROM event_supervisions v JOIN events e ON e.id = v.event_id
                WHERE v.issued_at >= :from AND v.issued_at < :to AND \(ofTown) GROUP BY v.level
                """), arguments: arguments)
            let extensions = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT x.status, count(*) FROM event_extensions x JOIN events e ON e.id = x.event_id
                WHERE x.requested_at >= :from AND x.requested_at < :to AND \(ofTown) GROUP BY x.status
                """), arguments: arguments)
            let parkedInPeriod = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM event_stages s JOIN events e ON e.id = s.event_id
                WHERE s.stage = 'parked' AND s.started_at >= :from AND s.started_at < :to AND \(ofTown)
                """), arguments: arguments) ?? 0
            let parkedNow = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM events e WHERE e.status = 'parked' AND \(ofTown)"),
                                             arguments: arguments) ?? 0
            let evaluations = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT v.satisfaction, count(*) FROM event_evaluations v JOIN events e ON e.id = v.event_id
                WHERE v.at >= :from AND v.at < :to AND \(ofTown) GROUP BY v.satisfaction
                """), arguments: arguments)
            return LoopStats(
                stages: [SupervisionStage.triage, .acceptance, .handling].map { stage in
                    let (ended, onTime) = stages[stage.rawValue] ?? (0, 0)
                    return LoopStats.StageFigures(stage: stage, ended: ended, onTime: onTime)
                },
                supervisions: Dictionary(uniqueKeysWithValues: levels.compactMap { row in
                    SupervisionLevel(rawValue: row[0]).map { ($0, row[1] as Int) }
                }),
                extensions: Dictionary(uniqueKeysWithValues: extensions.compactMap { row in
                    ExtensionStatus(rawValue: row[0]).map { ($0, row[1] as Int) }
                }),
                parkedInPeriod: parkedInPeriod, parkedNow: parkedNow,
                evaluations: Dictionary(uniqueKeysWithValues: evaluations.compactMap { row in
                    Satisfaction(rawValue: row[0]).map { ($0, row[1] as Int) }
                }))
        }
    }
}
