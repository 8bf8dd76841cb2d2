import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// Every version of a unit's boundary, oldest first; empty for an unknown code.
    public func boundaryHistory(_ level: AdminLevel, _ code: String) throws -> [BoundaryVersion] {
        try pool.read { db in try Self.versions(level, db, where: "b.code = ?", [code], order: "b.valid_from") }
    }

    /// The version of a unit valid at `instant` (nil = current), nil when there is none.
    public func boundaryVersion(_ level: AdminLevel, _ code: String, asOf instant: Instant?) throws -> BoundaryVersion? {
        try pool.read { db in
            try Self.versions(level, db, where: "b.code = :code AND \(Validity.sql("b", instant))",
                              ["code": code] + Validity.arguments(instant), order: "b.valid_from").last
        }
    }

    private static func versions(_ level: AdminLevel, _ db: Database, where condition: String, _ arguments: StatementArguments,
                                 order: String) throws -> [BoundaryVersion] {
        let parent = level.parent == nil ? "NULL" : "b.parent_code"
        return try Row.fetchAll(db, sql: """
            SELECT b.id, b.code, u.name, \(parent) AS parent, b.valid_from, b.valid_to, AsBinary(b.geometry) AS wkb,
                   c.id AS change_id, c.at, c.author, c.reason, c.operation, c.origin
            FROM \(level.boundaryTable) b JOIN \(level.table) u ON u.code = b.code
            LEFT JOIN boundary_changes c ON c.id = b.change_id
            WHERE \(condition) ORDER BY \(order)
            """, arguments: arguments).map { row in
            let changeID: Int64? = row["change_id"]
            return BoundaryVersion(
                id: row["id"], tag: tag(row["id"]),
                unit: AdminUnit(level: level, code: row["code"], name: row["name"], parentCode: row["parent"]),
                validFrom: row["valid_from"], validTo: row["valid_to"], geometry: try WKB.decode(row["wkb"]),
                change: changeID.map { BoundaryChange(id: $0, at: row["at"], author: row["author"], reason: row["reason"],
                                                      operation: row["operation"], origin: row["origin"]) })
        }
    }
}
