import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// Imports a dataset directory in one transaction: on any error nothing stored changes.
    /// Re-importing the same directory changes nothing (boundaries are compared byte for byte);
    /// a changed boundary closes the current version and opens a new one; units of the dataset
    /// that are no longer in it have their boundary closed (retired), keeping their history.
    public func importDataset(at directory: URL, options: ImportOptions) throws -> ImportSummary {
        var dataset = try DatasetReader.read(directory: directory, gridCodeSuffixDigits: options.gridCodeSuffixDigits,
                                                encoding: options.encoding)
        let now = Instant.now()
        let changedFrom = options.validFrom ?? now
        let firstFrom = try dataset.validFrom.map { text in
            guard let t = Instant(parsing: text, zone: .beijing) else { throw DatasetError(["dataset.json: valid_from '\(text)' is not an ISO 8601 time"]) }
            return t
        } ?? changedFrom
        let storedParents = try pool.read { db in
            Dictionary(try [AdminLevel.town, .village].flatMap { try Self.boundaries($0, asOf: nil, db) }.map { ($0.unit.code, $0) },
                       uniquingKeysWith: { a, _ in a })
        }
        let report = DatasetValidator(storedParents: storedParents, repair: options.repair).validate(&dataset)
        guard report.errors.isEmpty else { throw DatasetError(report.errors) }
        let validated = dataset
        return try write { db in
            var summary = ImportSummary(dataset: validated.name, report: report, textEncodings: validated.textEncodings)
            try db.execute(sql: """
                INSERT INTO datasets (name, source, imported_at) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET source = excluded.source, imported_at = excluded.imported_at
                """, arguments: [validated.name, directory.standardizedFileURL.path, now])
            for level in AdminLevel.allCases {
                summary.counts[level] = try Self.write(level, validated, db, firstFrom: firstFrom, changedFrom: changedFrom, now: now)
            }
            if let people = validated.people {
                summary.people = try Self.replacePeople(people, dataset: validated.name, db)
            }
            if let taxonomy = validated.taxonomy {
                for town in validated.towns where try Self.storeTaxonomy(
                    taxonomy, town: town.unit.code, firstFrom: firstFrom, changedFrom: changedFrom, db) {
                    summary.taxonomies.append(town.unit.code)
                }
            }
            if let assessment = validated.assessment {
                for town in validated.towns where try Self.storeAssessmentScheme(assessment, town: town.unit.code, changedFrom: changedFrom, db) {
                    summary.assessmentSchemes.append(town.unit.code)
                }
            }
            if let duty = validated.duty {
                try Self.replaceRoster(duty, towns: validated.towns.map(\.unit.code), dataset: validated.name, db)
            }
            if !summary.isNoOp {
                try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'boundary_revision'")
            }
            return summary
        }
    }

    private static func write(_ level: AdminLevel, _ dataset: Dataset, _ db: Database,
                              firstFrom: Instant, changedFrom: Instant, now: Instant) throws -> ImportSummary.Counts {
        var counts = ImportSummary.Counts()
        let features = dataset.features(level)
        let parentColumn = level.parent.map { ", \($0.rawValue)_code" } ?? ""
        let parentValue = level.parent == nil ? "" : ", ?"
        let parentUpdate = level.parent.map { ", \($0.rawValue)_code = excluded.\($0.rawValue)_code" } ?? ""
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO \(level.table) (code, name, dataset, attributes\(parentColumn)) VALUES (?, ?, ?, ?\(parentValue))
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, attributes = excluded.attributes\(parentUpdate)
            WHERE dataset = excluded.dataset
            """)
        let current = try db.cachedStatement(sql: """
            SELECT valid_from, AsBinary(geometry) AS wkb\(level.parent == nil ? "" : ", parent_code")
            FROM \(level.boundaryTable) WHERE code = ? AND valid_to IS NULL
            """)
        let close = try db.cachedStatement(sql: "UPDATE \(level.boundaryTable) SET valid_to = ? WHERE code = ? AND valid_to IS NULL")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO \(level.boundaryTable) (code, valid_from, geometry\(level.parent == nil ? "" : ", parent_code"))
            VALUES (?, ?, CastToMultiPolygon(GeomFromWKB(?, 4326))\(level.parent == nil ? "" : ", ?"))
            """)
        func insertVersion(_ code: String, from: Instant, _ wkb: Data, parent: String?) throws {
            try insert.execute(arguments: [code, from, wkb] + (level.parent == nil ? [] : [parent]))
        }
        for feature in features {
            let code = feature.unit.code
            if let owner = try String.fetchOne(db, sql: "SELECT dataset FROM \(level.table) WHERE code = ?", arguments: [code]),
               owner != dataset.name {
                throw DatasetError(["\(level.rawValue) \(code): already belongs to dataset '\(owner)'"])
            }
            var arguments: StatementArguments = [code, feature.unit.name, dataset.name, feature.attributesJSON]
            if level.parent != nil { arguments += [feature.unit.parentCode] }
            try upsert.execute(arguments: arguments)
            let wkb = WKB.encode(feature.geometry)
            if let row = try Row.fetchOne(current, arguments: [code]) {
                if (row["wkb"] as Data?) == wkb && (level.parent == nil || row["parent_code"] == feature.unit.parentCode) {
                    counts.unchanged += 1; continue
                }
                let previousFrom: Instant = row["valid_from"]
                guard changedFrom > previousFrom else {
                    throw DatasetError(["\(level.rawValue) \(code): new boundary would take effect at \(changedFrom), not after the current one (\(previousFrom))"])
                }
                try close.execute(arguments: [changedFrom, code])
                try insertVersion(code, from: changedFrom, wkb, parent: feature.unit.parentCode)
                counts.changed += 1
            } else {
                let hasHistory = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(level.boundaryTable) WHERE code = ?)",
                                                   arguments: [code]) ?? false
                try insertVersion(code, from: hasHistory ? changedFrom : firstFrom, wkb, parent: feature.unit.parentCode)
                counts.added += 1
            }
        }
        let kept = Set(features.map(\.unit.code))
        let owned = try String.fetchAll(db, sql: """
            SELECT u.code FROM \(level.table) u JOIN \(level.boundaryTable) b ON b.code = u.code AND b.valid_to IS NULL
            WHERE u.dataset = ?
            """, arguments: [dataset.name])
        for code in owned where !kept.contains(code) {
            try close.execute(arguments: [changedFrom, code])
            counts.retired += 1
        }
        return counts
    }

    /// Replaces the dataset's people; absences marked in the store are kept for the same people.
    /// The same people in the same order are left as stored (nil): a re-import rewrites nobody.
    private static func replacePeople(_ people: [Person], dataset: String, _ db: Database) throws -> Int? {
        var problems: [String] = []
        for (i, person) in people.enumerated() {
            let level = person.role.attachedTo
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(level.boundaryTable) WHERE code = ? AND valid_to IS NULL)",
                                           arguments: [person.unitCode]) ?? false
            if !exists {
                problems.append("people.csv line \(i + 2): \(person.role.rawValue) \(person.name): unknown \(level.rawValue) \(person.unitCode)")
            }
        }
        guard problems.isEmpty else { throw DatasetError(problems) }
        let before = try storedPeople(dataset, db)
        let incoming = people.map { person in
            let level = person.role.attachedTo
            return [person.role.rawValue, person.name, person.phone, level == .grid ? person.unitCode : "",
                    level == .village ? person.unitCode : "", person.post.rawValue].joined(separator: "|")
        }
        if incoming == before.map(\.key) { return nil }
        let absent = Set(before.filter(\.absent).map(\.key))
        try db.execute(sql: "DELETE FROM people WHERE dataset = ?", arguments: [dataset])
        for person in people {
            let level = person.role.attachedTo
            try db.execute(sql: "INSERT INTO people (role, name, phone, grid_code, village_code, post, dataset) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [person.role.rawValue, person.name, person.phone,
                                       level == .grid ? person.unitCode : nil, level == .village ? person.unitCode : nil,
                                       person.post.rawValue, dataset])
        }
        let after = try storedPeople(dataset, db)
        for person in after where absent.contains(person.key) {
            try db.execute(sql: "UPDATE people SET absent = 1 WHERE id = ?", arguments: [person.id])
        }
        return people.count
    }

    /// The dataset's stored people: id, identity key (all columns but absence), absence.
    private static func storedPeople(_ dataset: String, _ db: Database) throws -> [(id: Int64, key: String, absent: Bool)] {
        try Row.fetchAll(db, sql: """
            SELECT id, role || '|' || name || '|' || phone || '|' || COALESCE(grid_code, '') || '|' || COALESCE(village_code, '')
                || '|' || post AS key, absent FROM people WHERE dataset = ? ORDER BY id
            """, arguments: [dataset]).map { ($0["id"], $0["key"], $0["absent"]) }
    }
}
