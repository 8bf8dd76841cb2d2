import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// The consequences of a plan, read in `db` (inside the commit's transaction when committing).
    static func consequences(of plan: EditPlan, _ db: Database) throws -> EditConsequences {
        var result = EditConsequences()
        let retired = plan.changes.filter { $0.level == .grid && $0.after == nil }.map(\.code)
        let survivor: String? = if case .mergeGrids(let codes, let into, _) = plan.edit { into ?? codes.first } else { nil }
        for code in retired {
            for row in try Row.fetchAll(db, sql: "SELECT id, role, name FROM people WHERE grid_code = ? ORDER BY id", arguments: [code]) {
                result.people.append(.init(id: row["id"], role: row["role"], name: row["name"], fromGrid: code, toGrid: survivor ?? ""))
            }
            if let frequency = try String.fetchOne(db, sql: "SELECT frequency FROM patrol_requirements WHERE unit_code = ?", arguments: [code]) {
                result.patrolRequirements.append(.init(unitCode: code, frequency: frequency))
            }
        }
        for change in plan.changes where change.kind == .created && change.level == .grid {
            result.unstaffedGrids.append(change.code)
        }
        try moveEvents(plan, into: &result, db)
        return result
    }

    /// Open events inside the changed area, re-resolved against the planned boundaries.
    private static func moveEvents(_ plan: EditPlan, into result: inout EditConsequences, _ db: Database) throws {
        guard let box = changedBox(plan) else { return }
        let closed = EventStatus.allCases.filter(\.isClosed).map { "'\($0.rawValue)'" }.joined(separator: ",")
        // Only events of villages whose grids the layout holds: the others cannot change.
        let villages = Set(plan.before.grids.values.compactMap(\.unit.parentCode))
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, status, lon, lat, grid_code, village_code FROM events
            WHERE town_code = ? AND status NOT IN (\(closed)) AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?
            ORDER BY id
            """, arguments: [plan.after.town.unit.code, box.minX, box.maxX, box.minY, box.maxY])
            .filter { ($0["village_code"] as String?).map(villages.contains) ?? false }
        guard !rows.isEmpty else { return }
        let resolver = Resolver(plan.after.snapshot(near: box))
        let changedGrids = Set(plan.changes.filter { $0.level == .grid }.map(\.code))
        for row in rows {
            let resolution = resolver.resolve(Coordinate(row["lon"], row["lat"]))
            let fromGrid: String? = row["grid_code"], fromVillage: String? = row["village_code"]
            let toGrid = resolution.grid?.code, toVillage = resolution.village?.code
            if fromGrid != toGrid || fromVillage != toVillage {
                result.events.append(.init(id: row["id"], status: row["status"], fromGrid: fromGrid, toGrid: toGrid,
                                           fromVillage: fromVillage, toVillage: toVillage))
            } else if let toGrid, changedGrids.contains(toGrid) {
                result.eventsStaying.append(row["id"])
            }
        }
    }

    /// The box around every changed grid, before and after.
    static func changedBox(_ plan: EditPlan) -> BoundingBox? {
        plan.changes.filter { $0.level == .grid }.flatMap { [$0.before, $0.after] }
            .compactMap { $0?.geometry.boundingBox }.reduce(nil) { $0?.union($1) ?? $1 }
    }
}
