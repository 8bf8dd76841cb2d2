import Foundation
import GRDB
import GridMapCore

extension SpatiaLiteStore {
    public func assessmentScheme(town: String, period: AssessmentPeriod) throws -> AssessmentScheme? {
        let text = try pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT scheme FROM assessment_schemes WHERE town_code = ? AND valid_from < ?
                ORDER BY valid_from DESC, id DESC LIMIT 1
                """, arguments: [town, period.to])
        }
        return try text.map { try JSONDecoder().decode(AssessmentScheme.self, from: Data($0.utf8)) }
    }

    public func setAssessmentScheme(_ scheme: AssessmentScheme, town: String, validFrom: Instant?) throws -> Bool {
        try write { db in try Self.storeAssessmentScheme(scheme, town: town, changedFrom: validFrom ?? .now(), db) }
    }

    /// Stores `scheme` as the town's, closing the current one at `changedFrom`; a town's first
    /// scheme holds from the beginning. False when it is the current one already.
    static func storeAssessmentScheme(_ scheme: AssessmentScheme, town: String, changedFrom: Instant, _ db: Database) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM towns WHERE code = ?)", arguments: [town])! else {
            throw AssessmentError.unknownTown(town)
        }
        let current = try Row.fetchOne(db, sql: "SELECT id, valid_from, scheme FROM assessment_schemes WHERE town_code = ? AND valid_to IS NULL",
                                       arguments: [town])
        if let current, try JSONDecoder().decode(AssessmentScheme.self, from: Data((current["scheme"] as String).utf8)) == scheme {
            return false
        }
        var validFrom = Instant(milliseconds: 0)
        if let current {
            let currentFrom: Instant = current["valid_from"]
            guard changedFrom > currentFrom else { throw AssessmentError.validFromTooEarly(current: currentFrom) }
            try db.execute(sql: "UPDATE assessment_schemes SET valid_to = ? WHERE id = ?", arguments: [changedFrom, current["id"] as Int64])
            validFrom = changedFrom
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try db.execute(sql: "INSERT INTO assessment_schemes (town_code, valid_from, scheme) VALUES (?, ?, ?)",
                       arguments: [town, validFrom, String(decoding: try encoder.encode(scheme), as: UTF8.self)])
        return true
    }

    public func assessmentUnits(town: String, subject: AssessmentSubject, period: AssessmentPeriod) throws -> [AssessmentFacts.Unit] {
        try pool.read { db in try Self.assessmentUnits(town: town, subject: subject, period: period, db) }
    }

    public func assessmentFacts(town: String, subject: AssessmentSubject, period: AssessmentPeriod,
                                asOf: Instant) throws -> AssessmentFacts {
        let (units, events, evaluations, supervisions) = try pool.read { db in
            (try Self.assessmentUnits(town: town, subject: subject, period: period, db),
             try AssessmentFactsSQL.events(town: town, period: period, db),
             try AssessmentFactsSQL.evaluations(town: town, period: period, db),
             try AssessmentFactsSQL.supervisions(town: town, period: period, db))
        }
        return AssessmentFacts(period: period, asOf: asOf, units: [subject: units], events: events, evaluations: evaluations,
                               supervisions: supervisions, tasks: try taskFacts(assignedFrom: period.from, to: period.to, town: town))
    }

    public func assessmentAdjustments(town: String) throws -> [AssessmentAdjustment] {
        try pool.read { db in try Self.adjustments(town: town, db) }
    }

    public func addAssessmentAdjustment(_ adjustment: AssessmentAdjustment, bounds: AdjustmentBounds) throws -> AssessmentAdjustment {
        try write { db in
            let a = adjustment
            let total = try Self.adjustments(town: a.town, db)
                .filter { $0.subject == a.subject && $0.code == a.code && $0.counts(in: a.period) }
                .reduce(a.points) { $0 + $1.points }
            guard bounds.min <= total && total <= bounds.max else { throw AssessmentError.adjustmentOutOfBounds(total: total, bounds: bounds) }
            try db.execute(sql: """
                INSERT INTO assessment_adjustments (town_code, subject, code, period, points, reason, actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [a.town, a.subject.rawValue, a.code, a.period.description, a.points, a.reason, a.actor, a.at])
            var stored = a
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    private static func adjustments(town: String, _ db: Database) throws -> [AssessmentAdjustment] {
        try Row.fetchAll(db, sql: "SELECT * FROM assessment_adjustments WHERE town_code = ? ORDER BY id", arguments: [town]).compactMap { row in
            guard let subject = AssessmentSubject(rawValue: row["subject"]), let period = AssessmentPeriod(row["period"]) else { return nil }
            return AssessmentAdjustment(id: row["id"], town: row["town_code"], subject: subject, code: row["code"], period: period,
                                        points: row["points"], reason: row["reason"], actor: row["actor"], at: row["at"])
        }
    }

    private static func assessmentUnits(town: String, subject: AssessmentSubject, period: AssessmentPeriod,
                                        _ db: Database) throws -> [AssessmentFacts.Unit] {
        let inPeriod = """
            EXISTS (SELECT 1 FROM %@ b WHERE b.code = u.code AND b.valid_from < :to AND (b.valid_to IS NULL OR b.valid_to > :from))
            """
        let arguments: StatementArguments = ["town": town, "from": period.from, "to": period.to]
        let gridsOfTown = "grids u JOIN villages v ON v.code = u.village_code WHERE v.town_code = :town AND "
            + inPeriod.replacingOccurrences(of: "%@", with: "grid_boundaries")
        switch subject {
        case .grid:
            return try Row.fetchAll(db, sql: "SELECT u.code, u.name FROM \(gridsOfTown) ORDER BY u.code", arguments: arguments)
                .map { AssessmentFacts.Unit(code: $0[0], name: $0[1]) }
        case .village:
            return try Row.fetchAll(db, sql: """
                SELECT u.code, u.name FROM villages u WHERE u.town_code = :town AND \(inPeriod.replacingOccurrences(of: "%@", with: "village_boundaries"))
                ORDER BY u.code
                """, arguments: arguments).map { AssessmentFacts.Unit(code: $0[0], name: $0[1]) }
        case .member:
            return try Row.fetchAll(db, sql: """
                SELECT p.grid_code, p.post, MIN(p.name) FROM people p JOIN (SELECT u.code FROM \(gridsOfTown)) g ON g.code = p.grid_code
                WHERE p.role = '网格员' GROUP BY p.grid_code, p.post ORDER BY p.grid_code, p.post
                """, arguments: arguments).map { row in
                let grid: String = row[0], post: String = row[1]
                return AssessmentFacts.Unit(code: "\(grid)/\(post)", name: row[2], grid: grid)
            }
        case .platform, .office:
            let platforms = try taxonomies(asOf: Instant(milliseconds: period.to.milliseconds - 1), db)
                .first { $0.townCode == town }?.taxonomy.platforms ?? []
            if subject == .platform { return platforms.map { AssessmentFacts.Unit(code: $0.code, name: $0.name) } }
            let tasked = try String.fetchAll(db, sql: """
                SELECT DISTINCT t.office FROM event_tasks t JOIN events e ON e.id = t.event_id WHERE e.town_code = ?
                """, arguments: [town])
            return Set(platforms.flatMap(\.offices) + tasked).sorted().map { AssessmentFacts.Unit(code: $0, name: $0) }
        }
    }
}
