import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    public func recordOperation(_ operation: JointOperation) throws -> JointOperation {
        try write { db in
            for id in operation.events where try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM events WHERE id = ?)",
                                                                 arguments: [id])! {
                throw OperationError.unknownEvent(id)
            }
            let o = operation
            try db.execute(sql: """
                INSERT INTO operations (title, town_code, offices, area_kind, villages, area, start_at, end_at, outcome, notes,
                    recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [o.title, o.town, encodeList(o.offices), o.areaKind.rawValue, encodeList(o.villages), WKB.encode(o.area),
                                 o.start, o.end, o.outcome, o.notes, o.recordedBy, o.recordedAt])
            var stored = o
            stored.id = db.lastInsertedRowID
            for grid in o.grids {
                try db.execute(sql: "INSERT INTO operation_grids VALUES (?, ?)", arguments: [stored.id, grid])
            }
            for event in o.events {
                try db.execute(sql: "INSERT INTO operation_events VALUES (?, ?)", arguments: [stored.id, event])
            }
            return stored
        }
    }

    public func operation(_ id: Int64) throws -> JointOperation? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM operations WHERE id = ?", arguments: [id]).map { try Self.operation($0, db) }
        }
    }

    public func operations(_ query: OperationQuery) throws -> [JointOperation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.* FROM operations o
                WHERE (:to IS NULL OR o.start_at < :to) AND (:from IS NULL OR o.end_at > :from)
                  AND (:town IS NULL OR o.town_code = :town)
                  AND (:office IS NULL OR EXISTS (SELECT 1 FROM json_each(o.offices) WHERE value = :office))
                  AND (:grid IS NULL OR EXISTS (SELECT 1 FROM operation_grids g WHERE g.operation_id = o.id AND g.grid_code = :grid))
                ORDER BY o.start_at DESC, o.id DESC LIMIT :limit
                """, arguments: ["from": query.from, "to": query.to, "town": query.town, "office": query.office, "grid": query.grid,
                                 "limit": query.limit]).map { try Self.operation($0, db) }
        }
    }

    private static func operation(_ row: Row, _ db: Database) throws -> JointOperation {
        let id: Int64 = row["id"]
        return JointOperation(
            id: id, title: row["title"], town: row["town_code"], offices: try decodeList(row["offices"]) ?? [],
            areaKind: OperationArea.Kind(rawValue: row["area_kind"]) ?? .polygon, villages: try decodeList(row["villages"]) ?? [],
            grids: try String.fetchAll(db, sql: "SELECT grid_code FROM operation_grids WHERE operation_id = ? ORDER BY grid_code",
                                       arguments: [id]),
            area: try WKB.decode(row["area"]), start: row["start_at"], end: row["end_at"],
            events: try Int64.fetchAll(db, sql: "SELECT event_id FROM operation_events WHERE operation_id = ? ORDER BY event_id",
                                       arguments: [id]),
            outcome: row["outcome"], notes: row["notes"], recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
    }
}
