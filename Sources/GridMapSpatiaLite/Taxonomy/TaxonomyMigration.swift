import Foundation
import GRDB
import GridMapCore
import GridMapJSON

extension SpatiaLiteStore {
    /// Moves `town` to `taxonomy` from `validFrom` and re-routes its open events by it (each
    /// with a history entry); handled events keep their historical platform. One transaction:
    /// when an open event's category is not in the new model, nothing changes.
    public func migrateTaxonomy(_ taxonomy: Taxonomy, town: String, validFrom: Instant, actor: String) throws -> TaxonomyMigration {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM towns WHERE code = ?", arguments: [town]) == 1 else {
                throw DatasetError(["unknown town \(town)"])
            }
            let places = Set(try String.fetchAll(db, sql: """
                SELECT code FROM villages WHERE town_code = :town
                UNION SELECT g.code FROM grids g JOIN villages v ON v.code = g.village_code WHERE v.town_code = :town
                """, arguments: ["town": town]))
            let unknown = taxonomy.routes.flatMap { ($0.villages ?? []) + ($0.grids ?? []) }.filter { !places.contains($0) }
            if !unknown.isEmpty {
                throw DatasetError(["the new model's overrides name places not in town \(town): " + unknown.joined(separator: ", ")])
            }
            guard try Self.storeTaxonomy(taxonomy, town: town, firstFrom: validFrom, changedFrom: validFrom, db) else {
                return TaxonomyMigration(changed: false)
            }
            try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'boundary_revision'")
            let taxonomyID = try Int64.fetchOne(db, sql: "SELECT id FROM taxonomies WHERE town_code = ? AND valid_to IS NULL",
                                                arguments: [town])
            let router = TaxonomyRouter(taxonomy)
            var migration = TaxonomyMigration(changed: true)
            migration.closedKept = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM events WHERE town_code = ? AND status IN ('resolved', 'evaluated')
                """, arguments: [town]) ?? 0
            let open = try Row.fetchAll(db, sql: """
                SELECT e.id, e.category_code, e.grid_code, e.village_code, e.platform_code, r.json AS routing
                FROM events e JOIN event_snapshots r ON r.id = e.routing_id
                WHERE e.town_code = ? AND e.status NOT IN ('resolved', 'evaluated') ORDER BY e.id
                """, arguments: [town])
            var missing: [String] = []
            var writer = try EventWriter(db)
            for row in open {
                let id: Int64 = row["id"], category: String = row["category_code"], old: String = row["platform_code"]
                guard let routed = router.routed(category: category, grid: row["grid_code"], village: row["village_code"]) else {
                    missing.append("event \(id): category \(category) is not in the \(taxonomy.model) model")
                    continue
                }
                let stored = try JSONDecoder().decode(RecordedRouting.self, from: Data((row["routing"] as String).utf8))
                let (routing, kept) = Self.keepingOverride(of: stored, RecordedRouting(routed), platforms: taxonomy.platforms)
                try db.execute(sql: "UPDATE events SET platform_code = ?, routing_id = ?, taxonomy_id = ? WHERE id = ?",
                               arguments: [routing.platform.code, try writer.snapshotID(RecordedJSON.routing(routing)), taxonomyID, id])
                try Self.appendHistory(id, at: validFrom, actor: actor, action: "rerouted", from: nil, to: nil,
                                       note: "platform model → \(taxonomy.model): \(old) → \(routing.platform.code)" + kept, db)
                migration.moved["\(old) → \(routing.platform.code)", default: 0] += 1
            }
            if !missing.isEmpty { throw DatasetError(missing) }
            return migration
        }
    }

    /// The new model's routing with the command room's override of `stored` (研判) carried over
    /// when the new `platforms` still have its office, and the history note's addition saying so.
    private static func keepingOverride(of stored: RecordedRouting, _ routing: RecordedRouting,
                                        platforms: [Platform]) -> (RecordedRouting, String) {
        guard let by = stored.overriddenBy, let office = stored.office else { return (routing, "") }
        let override = RoutingOverride(platform: nil, office: office, reason: stored.overrideReason ?? "改派")
        guard let kept = try? routing.overridden(override, by: by, platforms: platforms) else {
            return (routing, "; 改派 \(office) 不在新模型, 按规则派往 \(routing.office ?? routing.platform.name)")
        }
        return (kept, "; 保留改派 \(office)")
    }
}
