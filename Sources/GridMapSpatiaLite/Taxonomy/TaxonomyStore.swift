import Foundation
import GRDB
import GridMapCore

extension SpatiaLiteStore {
    /// The current platform model of every town that has one.
    public func currentTaxonomies() throws -> [StoredTaxonomy] {
        try pool.read { db in try Self.taxonomies(asOf: nil, db) }
    }

    /// The platform models valid at `instant` (nil = current).
    static func taxonomies(asOf instant: Instant?, _ db: Database) throws -> [StoredTaxonomy] {
        try Row.fetchAll(db, sql: "SELECT * FROM taxonomies t WHERE \(Validity.sql("t", instant)) ORDER BY town_code",
                         arguments: Validity.arguments(instant)).map { row in
            let id: Int64 = row["id"]
            var taxonomy = try readTaxonomy(id: id, model: row["model"], name: row["name"], db)
            taxonomy.supervision = try (row["supervision"] as String?).map {
                try JSONDecoder().decode(SupervisionPolicy.self, from: Data($0.utf8))
            }
            return StoredTaxonomy(id: id, townCode: row["town_code"], validFrom: row["valid_from"], taxonomy: taxonomy)
        }
    }

    /// The platforms of the town's current platform model (none without one).
    static func currentPlatforms(town: String, _ db: Database) throws -> [Platform] {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM taxonomies WHERE town_code = ? AND valid_to IS NULL",
                                          arguments: [town]) else { return [] }
        return try platforms(taxonomyID: id, db)
    }

    private static func platforms(taxonomyID id: Int64, _ db: Database) throws -> [Platform] {
        try Row.fetchAll(db, sql: "SELECT * FROM platforms WHERE taxonomy_id = ? ORDER BY rowid", arguments: [id]).map {
            Platform(code: $0["code"], name: $0["name"], lead: $0["lead"], offices: try decodeList($0["offices"]) ?? [])
        }
    }

    private static func readTaxonomy(id: Int64, model: String, name: String, _ db: Database) throws -> Taxonomy {
        let platforms = try platforms(taxonomyID: id, db)
        let categories = try Row.fetchAll(db, sql: "SELECT * FROM event_categories WHERE taxonomy_id = ? ORDER BY rowid", arguments: [id]).map {
            EventCategory(code: $0["code"], name: $0["name"], parent: $0["parent_code"], deadlineHours: $0["deadline_hours"])
        }
        let routes = try Row.fetchAll(db, sql: "SELECT * FROM routing_rules WHERE taxonomy_id = ? ORDER BY position", arguments: [id]).map {
            Route(category: $0["category_code"], platform: $0["platform_code"], office: $0["office"],
                  assisting: try decodeList($0["assisting"]), villages: try decodeList($0["villages"]),
                  grids: try decodeList($0["grids"]), note: $0["note"])
        }
        return Taxonomy(model: model, name: name, platforms: platforms, categories: categories, routes: routes)
    }

    /// Makes `taxonomy` the current one of `town`: nothing when it already is; else the current
    /// version is closed and a new one opened at `changedFrom`, or, for a town's first taxonomy,
    /// at `firstFrom`. Returns true on a change.
    static func storeTaxonomy(_ taxonomy: Taxonomy, town: String, firstFrom: Instant, changedFrom: Instant,
                              _ db: Database) throws -> Bool {
        let current = try taxonomies(asOf: nil, db).first { $0.townCode == town }
        if current?.taxonomy == taxonomy { return false }
        let validFrom = current == nil ? firstFrom : changedFrom
        if let current {
            try db.execute(sql: "UPDATE taxonomies SET valid_to = ? WHERE id = ?",
                           arguments: [max(validFrom, current.validFrom), current.id])
        }
        let supervision = try taxonomy.supervision.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try db.execute(sql: "INSERT INTO taxonomies (town_code, model, name, valid_from, supervision) VALUES (?, ?, ?, ?, ?)",
                       arguments: [town, taxonomy.model, taxonomy.name, validFrom, supervision])
        let id = db.lastInsertedRowID
        for p in taxonomy.platforms {
            try db.execute(sql: "INSERT INTO platforms VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, p.code, p.name, p.lead, encodeList(p.offices)])
        }
        for c in taxonomy.categories {
            try db.execute(sql: "INSERT INTO event_categories VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, c.code, c.name, c.parent, c.deadlineHours])
        }
        for (position, r) in taxonomy.routes.enumerated() {
            try db.execute(sql: "INSERT INTO routing_rules VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, position, r.category, r.platform, r.office, encodeList(r.assisting),
                                       encodeList(r.villages), encodeList(r.grids), r.note])
        }
        return true
    }
}

/// Lists of codes and names are stored as JSON arrays (NULL for an absent list).
func encodeList(_ list: [String]?) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    return list.map { String(decoding: try! encoder.encode($0), as: UTF8.self) }
}

func decodeList(_ text: String?) throws -> [String]? {
    try text.map { try JSONDecoder().decode([String].self, from: Data($0.utf8)) }
}
