import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    public func staleCoverageDays(_ days: ClosedRange<PatrolDay>?, radius: Double) throws -> [PatrolDay] {
        try pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT d.day FROM patrol_days d LEFT JOIN patrol_coverage_runs r ON r.day = d.day AND r.radius = ?
                WHERE (r.revision IS NULL OR r.revision != d.revision) AND d.day BETWEEN ? AND ? ORDER BY d.day
                """, arguments: [radius, days?.lowerBound.number ?? .min, days?.upperBound.number ?? .max])
        }.map(PatrolDay.init(number:))
    }

    public func patrols(of day: PatrolDay) throws -> (revision: Int64, patrols: [CleanedPatrol]) {
        try pool.read { db in try patrols(of: day, db) }
    }

    public func storeCoverage(_ results: [GridDayCoverage], day: PatrolDay, radius: Double, revision: Int64) throws {
        let encoder = JSONEncoder()
        try write { db in
            try db.execute(sql: "DELETE FROM patrol_grid_days WHERE day = ? AND radius = ?", arguments: [day.number, radius])
            for result in results {
                try db.execute(sql: """
                    INSERT INTO patrol_grid_days (day, radius, grid_code, epsg, covered, covered_m2, length_m, dwell_s, stops,
                        visits, members, last_visit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [day.number, radius, result.grid, result.zone.epsg, WKB.encode(result.covered),
                                     result.coveredArea, result.length, result.dwellSeconds, result.stops,
                                     String(decoding: try encoder.encode(result.visits.map { [$0.start, $0.end] }), as: UTF8.self),
                                     String(decoding: try encoder.encode(result.members), as: UTF8.self),
                                     result.visits.last?.end])
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO patrol_coverage_runs (day, radius, revision, computed_at) VALUES (?, ?, ?, ?)
                """, arguments: [day.number, radius, revision, Instant.now()])
        }
    }

    /// The stored coverage of every grid-day in `days` at `radius`.
    public func gridDays(_ days: ClosedRange<PatrolDay>, radius: Double) throws -> [GridDayCoverage] {
        let decoder = JSONDecoder()
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT grid_code, day, epsg, covered, covered_m2, length_m, dwell_s, stops, visits, members
                FROM patrol_grid_days WHERE radius = ? AND day BETWEEN ? AND ? ORDER BY grid_code, day
                """, arguments: [radius, days.lowerBound.number, days.upperBound.number]).map { row in
                let visits = try decoder.decode([[Int64]].self, from: Data((row["visits"] as String).utf8))
                return GridDayCoverage(
                    grid: row["grid_code"], day: PatrolDay(number: row["day"]), covered: try WKB.decode(row["covered"]),
                    zone: GaussKrugerZone(epsg: row["epsg"]), coveredArea: row["covered_m2"], length: row["length_m"],
                    dwellSeconds: row["dwell_s"], stops: row["stops"], visits: visits.map { Visit(start: $0[0], end: $0[1]) },
                    members: try decoder.decode([String].self, from: Data((row["members"] as String).utf8)))
            }
        }
    }

    /// The end of each grid's last visit on or before `day` (at `radius`), by grid code.
    public func lastVisits(through day: PatrolDay, radius: Double) throws -> [String: Int64] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT grid_code, MAX(last_visit) FROM patrol_grid_days WHERE radius = ? AND day <= ? AND last_visit IS NOT NULL
                GROUP BY grid_code
                """, arguments: [radius, day.number]).reduce(into: [:]) { $0[$1[0] as String] = $1[1] as Int64 }
        }
    }

    /// When each day's coverage at `radius` was computed, and from which revision of its tracks.
    public func coverageRuns(radius: Double) throws -> [PatrolDay: (revision: Int64, computedAt: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT day, revision, computed_at FROM patrol_coverage_runs WHERE radius = ?",
                             arguments: [radius]).reduce(into: [:]) { $0[PatrolDay(number: $1[0])] = ($1[1], $1[2]) }
        }
    }

    /// The required patrol frequency set for towns, villages or grids, by unit code.
    public func patrolFrequencies() throws -> [String: PatrolFrequency] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT unit_code, frequency FROM patrol_requirements")
                .reduce(into: [:]) { $0[$1[0] as String] = PatrolFrequency(rawValue: $1[1]) }
        }
    }

    /// Sets (or with nil clears) the required patrol frequency of a town, village or grid; false
    /// when no current unit has that code.
    public func setPatrolFrequency(_ frequency: PatrolFrequency?, unit code: String) throws -> Bool {
        try write { db in
            let known = try AdminLevel.allCases.contains { level in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(level.table) WHERE code = ?", arguments: [code]) == 1
            }
            guard known else { return false }
            if let frequency {
                try db.execute(sql: "INSERT OR REPLACE INTO patrol_requirements VALUES (?, ?)", arguments: [code, frequency.rawValue])
            } else {
                try db.execute(sql: "DELETE FROM patrol_requirements WHERE unit_code = ?", arguments: [code])
            }
            return true
        }
    }
}
