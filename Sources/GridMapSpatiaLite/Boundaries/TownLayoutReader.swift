import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// The current layout of the town a unit belongs to.
    public func townLayout(of level: AdminLevel, _ code: String) throws -> TownLayout {
        try pool.read { db in try Self.townLayout(of: level, code, db) }
    }

    /// The town of a unit (current boundaries), or ``UnknownUnitError``.
    static func townCode(of level: AdminLevel, _ code: String, _ db: Database) throws -> String {
        let sql: String = switch level {
        case .town: "SELECT code FROM town_boundaries WHERE code = ? AND valid_to IS NULL"
        case .village: "SELECT parent_code FROM village_boundaries WHERE code = ? AND valid_to IS NULL"
        case .grid: """
            SELECT v.parent_code FROM grid_boundaries g JOIN village_boundaries v ON v.code = g.parent_code AND v.valid_to IS NULL
            WHERE g.code = ? AND g.valid_to IS NULL
            """
        }
        guard let town = try String.fetchOne(db, sql: sql, arguments: [code]) else { throw UnknownUnitError(level: level, code: code) }
        return town
    }

    /// The current villages of the town of a unit and the grids of its villages (of those
    /// `includeGrids` accepts, by village code and box), with every grid code they ever used.
    static func townLayout(of level: AdminLevel, _ code: String, _ db: Database,
                           includeGrids: (String, BoundingBox?) -> Bool = { _, _ in true }) throws -> TownLayout {
        let townCode = try townCode(of: level, code, db)
        guard let town = try boundaries(.town, asOf: nil, db, where: "u.code = ?", [townCode]).first else {
            throw UnknownUnitError(level: .town, code: townCode)
        }
        let villages = try boundaries(.village, asOf: nil, db, where: "b.parent_code = ?", [townCode])
        let villageCodes = villages.filter { includeGrids($0.unit.code, $0.geometry.boundingBox) }.map(\.unit.code)
        let marks = Array(repeating: "?", count: villageCodes.count).joined(separator: ",")
        let grids = villageCodes.isEmpty ? [] : try boundaries(.grid, asOf: nil, db, where: "b.parent_code IN (\(marks))",
                                                               StatementArguments(villageCodes))
        let used = villageCodes.isEmpty ? [] : try String.fetchAll(db, sql: """
            SELECT DISTINCT code FROM grid_boundaries WHERE parent_code IN (\(marks))
            UNION SELECT code FROM grids WHERE village_code IN (\(marks))
            """, arguments: StatementArguments(villageCodes + villageCodes))
        return TownLayout(town: town, villages: villages, grids: grids, usedGridCodes: Set(used))
    }

    /// The layout an edit needs: the town's villages, and the grids of the villages it may change —
    /// the named grids' villages and a target village, or for a village redraw every village whose
    /// box meets the old or new boundary's (only those can take or receive area).
    static func townLayout(for edit: BoundaryEdit, _ db: Database) throws -> TownLayout {
        guard let (level, code) = edit.namedUnits.first else { throw UnknownUnitError(level: .grid, code: "(none named)") }
        switch edit {
        case .redrawVillage(let village, let geometry, _):
            let old = try boundaries(.village, asOf: nil, db, where: "u.code = ?", [village]).first?.geometry.boundingBox
            guard let reach = [old, geometry.boundingBox].compactMap({ $0 }).reduce(nil, { $0?.union($1) ?? $1 }) else {
                return try townLayout(of: level, code, db)
            }
            let box = reach.padded(by: 1e-6)
            return try townLayout(of: level, code, db) { _, villageBox in villageBox?.intersects(box) ?? true }
        default:
            var villages: Set<String> = []
            for (level, code) in edit.namedUnits {
                if level == .village { villages.insert(code); continue }
                if let parent = try String.fetchOne(db, sql: "SELECT parent_code FROM grid_boundaries WHERE code = ? AND valid_to IS NULL",
                                                    arguments: [code]) { villages.insert(parent) }
            }
            return try townLayout(of: level, code, db) { village, _ in villages.contains(village) }
        }
    }
}
