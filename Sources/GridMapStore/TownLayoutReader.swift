import GRDB
import GridMapCore
import GridMapGeometry

extension GridMapStore {
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

    /// The current villages and grids of the town of a unit, with every grid code its villages
    /// ever used.
    static func townLayout(of level: AdminLevel, _ code: String, _ db: Database) throws -> TownLayout {
        let townCode = try townCode(of: level, code, db)
        guard let town = try boundaries(.town, asOf: nil, db, where: "u.code = ?", [townCode]).first else {
            throw UnknownUnitError(level: .town, code: townCode)
        }
        let villages = try boundaries(.village, asOf: nil, db, where: "b.parent_code = ?", [townCode])
        let villageCodes = villages.map(\.unit.code)
        let marks = Array(repeating: "?", count: villageCodes.count).joined(separator: ",")
        let grids = villageCodes.isEmpty ? [] : try boundaries(.grid, asOf: nil, db, where: "b.parent_code IN (\(marks))",
                                                               StatementArguments(villageCodes))
        let used = villageCodes.isEmpty ? [] : try String.fetchAll(db, sql: """
            SELECT DISTINCT code FROM grid_boundaries WHERE parent_code IN (\(marks))
            UNION SELECT code FROM grids WHERE village_code IN (\(marks))
            """, arguments: StatementArguments(villageCodes + villageCodes))
        return TownLayout(town: town, villages: villages, grids: grids, usedGridCodes: Set(used))
    }
}
