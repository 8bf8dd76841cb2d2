import Foundation
import GRDB
import GridMapCore
import GridMapJSON
import GridMapGeometry

/// Stores a valid ``EditPreview`` inside the caller's write transaction.
struct EditWriter {
    let db: Database
    let preview: EditPreview
    let author: EditAuthor

    init(_ db: Database, preview: EditPreview, author: EditAuthor) {
        self.db = db
        self.preview = preview
        self.author = author
    }

    func write() throws -> EditCommit {
        let plan = preview.plan
        let at = try effectiveInstant()
        let changeID = try Int64.fetchOne(db, sql: """
            INSERT INTO boundary_changes (at, author, reason, operation, origin) VALUES (?, ?, ?, ?, ?) RETURNING id
            """, arguments: [at, author.actor.name, author.reason, JSONWriter.text(capacity: 4096) { $0.editOperation(plan.edit) }, author.actor.origin])!
        var tags: [String: String] = [:]
        var newVersions: [String: Int64] = [:]
        for change in plan.changes {
            let table = change.level.boundaryTable
            if change.before != nil {
                try db.execute(sql: "UPDATE \(table) SET valid_to = ? WHERE code = ? AND valid_to IS NULL", arguments: [at, change.code])
            }
            guard let after = change.after else { continue }
            try storeUnit(after, copyingDatasetOf: plan.edit.namedUnits.first?.code)
            let id = try Int64.fetchOne(db, sql: """
                INSERT INTO \(table) (code, valid_from, geometry, parent_code, change_id)
                VALUES (?, ?, CastToMultiPolygon(GeomFromWKB(?, 4326)), ?, ?) RETURNING id
                """, arguments: [change.code, at, WKB.encode(after.geometry), after.unit.parentCode, changeID])!
            newVersions[change.code] = id
            tags[change.code] = SpatiaLiteStore.tag(id)
        }
        try moveDependents(newVersions: newVersions, changeID: changeID, at: at)
        try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'boundary_revision'")
        try SpatiaLiteStore.appendAudit(author.actor.entry("boundary edit: \(plan.edit.name)",
                                                        target: plan.edit.namedUnits.map(\.code).joined(separator: ","),
                                                        detail: ["change_id": .number(Double(changeID)), "reason": .string(author.reason)], at: at), db)
        return EditCommit(preview: preview, changeID: changeID, at: at, tagsAfter: tags)
    }

    /// Now, or a millisecond after the newest version the edit replaces (versions must not be empty).
    private func effectiveInstant() throws -> Instant {
        var latest = Instant.now()
        for change in preview.plan.changes where change.before != nil {
            if let from = try Instant.fetchOne(db, sql: "SELECT valid_from FROM \(change.level.boundaryTable) WHERE code = ? AND valid_to IS NULL",
                                              arguments: [change.code]), from >= latest {
                latest = from.adding(milliseconds: 1)
            }
        }
        return latest
    }

    /// Creates, renames or re-parents the unit row.
    private func storeUnit(_ unit: Boundary, copyingDatasetOf sourceCode: String?) throws {
        let level = unit.unit.level
        let parentColumn = level.parent.map { "\($0.rawValue)_code" } ?? "NULL"
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(level.table) WHERE code = ?)", arguments: [unit.unit.code]) == true {
            guard level.parent != nil else { return }
            try db.execute(sql: "UPDATE \(level.table) SET name = ?, \(parentColumn) = ? WHERE code = ?",
                           arguments: [unit.unit.name, unit.unit.parentCode, unit.unit.code])
        } else {
            try db.execute(sql: """
                INSERT INTO \(level.table) (code, name, \(parentColumn), dataset)
                SELECT ?, ?, ?, dataset FROM grids WHERE code = ?
                """, arguments: [unit.unit.code, unit.unit.name, unit.unit.parentCode, sourceCode])
        }
    }

    /// People of retired grids to the merged grid, patrol frequencies of retired grids dropped, open
    /// events to their new grid (with a history row) or to their grid's new version.
    private func moveDependents(newVersions: [String: Int64], changeID: Int64, at: Instant) throws {
        let consequences = preview.consequences
        for person in consequences.people {
            try db.execute(sql: "UPDATE people SET grid_code = ? WHERE id = ?", arguments: [person.toGrid, person.id])
        }
        for requirement in consequences.patrolRequirements {
            try db.execute(sql: "DELETE FROM patrol_requirements WHERE unit_code = ?", arguments: [requirement.unitCode])
        }
        let after = preview.plan.after
        let people = PeopleOnDuty(consequences.events.isEmpty ? [] : try SpatiaLiteStore.people(db))
        let history = try EventHistoryWriter(db)
        for move in consequences.events {
            let onDuty = people.people(of: move.toGrid.flatMap { after.grids[$0]?.unit })
                + people.people(of: move.toVillage.flatMap { after.villages[$0]?.unit })
            try db.execute(sql: "INSERT OR IGNORE INTO event_snapshots (json) VALUES (?)", arguments: [peopleSnapshot(onDuty)])
            try db.execute(sql: """
                UPDATE events SET grid_code = ?, village_code = ?, grid_boundary_id = ?,
                    people_id = (SELECT id FROM event_snapshots WHERE json = ?) WHERE id = ?
                """, arguments: [move.toGrid, move.toVillage, move.toGrid.flatMap { newVersions[$0] } ?? currentVersion(move.toGrid),
                                 peopleSnapshot(onDuty), move.id])
            let status = EventStatus(rawValue: move.status)
            try history.append(move.id, at: at, actor: author.actor.name, action: "regridded", from: status, to: status,
                               note: "grid \(move.fromGrid ?? "none") → \(move.toGrid ?? "none") by boundary change #\(changeID)")
        }
        for id in consequences.eventsStaying {
            try db.execute(sql: "UPDATE events SET grid_boundary_id = (SELECT id FROM grid_boundaries WHERE code = events.grid_code AND valid_to IS NULL) WHERE id = ?",
                           arguments: [id])
        }
    }

    private func currentVersion(_ grid: String?) throws -> Int64? {
        guard let grid else { return nil }
        return try Int64.fetchOne(db, sql: "SELECT id FROM grid_boundaries WHERE code = ? AND valid_to IS NULL", arguments: [grid])
    }
}
