import GRDB
import GridMapCore

extension SpatiaLiteStore {
    /// Marks the holder of a post absent (or back); the backup then stands in. Bumps the boundary
    /// revision so servers reload who is on duty — only when someone's absence actually changed:
    /// marking absent someone already absent stores nothing.
    @discardableResult
    public func setAbsent(_ absent: Bool, unit: String, role: PersonRole, post: Post) throws -> AbsenceUpdate {
        try write { db in
            let column = role.attachedTo == .grid ? "grid_code" : "village_code"
            let matching = "\(column) = ? AND role = ? AND post = ?"
            let arguments: StatementArguments = [unit, role.rawValue, post.rawValue]
            let matched = try Int.fetchOne(db, sql: "SELECT count(*) FROM people WHERE \(matching)", arguments: arguments) ?? 0
            try db.execute(sql: "UPDATE people SET absent = ? WHERE \(matching) AND absent IS NOT ?", arguments: [absent] + arguments + [absent])
            let changed = db.changesCount
            if changed > 0 { try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'boundary_revision'") }
            return AbsenceUpdate(matched: matched, changed: changed)
        }
    }

    /// The town's duty leader (值班领导) on a date (`YYYY-MM-DD`, Beijing time).
    public func dutyLeader(town: String, date: String) throws -> DutyDay? {
        try pool.read { db in try Self.dutyLeader(town: town, date: date, db) }
    }

    static func dutyLeader(town: String, date: String, _ db: Database) throws -> DutyDay? {
        try Row.fetchOne(db, sql: "SELECT date, name, phone FROM duty_roster WHERE town_code = ? AND date = ?",
                         arguments: [town, date]).map { DutyDay(date: $0["date"], name: $0["name"], phone: $0["phone"]) }
    }

    /// Replaces the duty roster of the dataset's towns.
    static func replaceRoster(_ roster: [DutyDay], towns: [String], dataset: String, _ db: Database) throws {
        for town in towns {
            try db.execute(sql: "DELETE FROM duty_roster WHERE town_code = ?", arguments: [town])
            for day in roster {
                try db.execute(sql: "INSERT INTO duty_roster VALUES (?, ?, ?, ?, ?)",
                               arguments: [town, day.date, day.name, day.phone, dataset])
            }
        }
    }
}
