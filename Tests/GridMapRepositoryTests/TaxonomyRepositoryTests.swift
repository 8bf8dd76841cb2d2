import Foundation
import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// A town moves from the 2016 to the 2022 model: open events are re-routed, handled ones keep
/// the platform that handled them.
@Suite struct TaxonomyRepositoryTests {
    @Test(arguments: Backend.all) func openEventsAreReroutedAndClosedOnesKeepTheirPlatform(_ backend: Backend) throws {
        let store = try backend.repository(with: ["ganpu"])
        let text = try String(contentsOf: Fixtures.sample("ganpu").appendingPathComponent("events.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let sample = lines.prefix(1) + lines.suffix(300)  // the year's end: open and closed events
        _ = try store.importEvents(try EventFile.csv(sample.joined(separator: "\n")), resolvers: HistoricalResolvers(store: store))
        let before = try store.events({ var q = EventQuery(); q.limit = 1000; return q }())

        var model2022 = try Taxonomy.read(Data(contentsOf: Fixtures.sample("dagangtou").appendingPathComponent("platforms.json")))
        model2022.routes.removeAll { $0.villages != nil || $0.grids != nil }
        let migration = try store.migrateTaxonomy(model2022, town: "330424105000", validFrom: "2026-01-01T00:00:00.000Z", actor: "镇政府")
        let after = try store.events({ var q = EventQuery(); q.limit = 1000; return q }())
        let router = TaxonomyRouter(model2022)

        let open = before.filter { !$0.status.isClosed }, closed = before.filter(\.status.isClosed)
        #expect(!open.isEmpty && !closed.isEmpty)
        #expect(migration.moved.values.reduce(0, +) == open.count)
        #expect(migration.closedKept == closed.count)
        for (old, new) in zip(before, after) {
            if old.status.isClosed {
                #expect(new.platformCode == old.platformCode && new.routing == old.routing, "event \(old.id) keeps its platform")
            } else {
                let expected = router.route(category: old.category, grid: old.gridCode, village: old.villageCode)!.platform.code
                #expect(new.platformCode == expected, "event \(old.id) re-routed by the 2022 model")
                #expect(["DJTL", "JJST", "PAFZ", "GGFW"].contains(new.platformCode))
                #expect(try store.event(old.id)?.history.last?.action == "rerouted")
            }
        }
        #expect(try store.snapshot().taxonomies["330424105000"]?.model == "2022")
        // Doing it again changes nothing.
        #expect(try store.migrateTaxonomy(model2022, town: "330424105000", validFrom: "2026-02-01T00:00:00.000Z", actor: "x").changed == false)
    }

    @Test(arguments: Backend.all) func aModelLackingAnOpenEventsCategoryChangesNothing(_ backend: Backend) throws {
        let store = try backend.repository(with: ["ganpu"])
        let header = "category,description,lon,lat,crs,reported_at,source,reporter,status,closed_at\n"
        let grid = try #require(try store.snapshot().grids.first { $0.unit.code == "330424105204002" })
        let box = try #require(grid.geometry.boundingBox)
        let center = "\((box.minX + box.maxX) / 2),\((box.minY + box.maxY) / 2)"
        _ = try store.importEvents(try EventFile.csv(header + "flood,x,\(center),wgs84,2025-07-01,app,甲,,\n"),
                                   resolvers: HistoricalResolvers(store: store))
        var model = try Taxonomy.read(Data(contentsOf: Fixtures.sample("dagangtou").appendingPathComponent("platforms.json")))
        model.routes.removeAll { $0.villages != nil || $0.grids != nil || $0.category == "flood" }
        model.categories.removeAll { $0.code == "flood" }
        #expect(throws: DatasetError.self) {
            try store.migrateTaxonomy(model, town: "330424105000", validFrom: "2026-01-01T00:00:00.000Z", actor: "x")
        }
        #expect(try store.snapshot().taxonomies["330424105000"]?.model == "2016", "nothing changed")
    }

    @Test(arguments: Backend.all) func anOverrideSurvivesAMigrationWhenItsOfficeDoes(_ backend: Backend) throws {
        let store = try backend.repository(with: ["ganpu"])
        let resolvers = try HistoricalResolvers(store: store)
        let grid = try #require(try store.snapshot().grids.first { $0.unit.code == "330424105204002" })
        let box = try #require(grid.geometry.boundingBox)
        let p = Coordinate((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
        // The 2016 rules send a neighbours' dispute to 司法所; 派出所 (综治工作) is in the 2022 model
        // too (平安法治), 信访办 is not.
        let kept = try store.record(.test("dispute.neighbour", at: p, reportedAt: "2025-12-01T00:00:00.000Z"), resolvers: resolvers)
        let lost = try store.record(.test("dispute.neighbour", at: p, reportedAt: "2025-12-01T00:00:00.000Z"), resolvers: resolvers)
        #expect(try store.event(kept)?.routing.office == "司法所")
        for (id, office) in [(kept, "派出所"), (lost, "信访办")] {
            _ = try store.triage(id, relocated: nil, override: RoutingOverride(platform: nil, office: office, reason: "专人调处"),
                                 actor: "值班员", note: nil, at: "2025-12-02T00:00:00.000Z")
        }
        #expect(try store.event(kept)?.routing.overriddenBy == "值班员" && store.event(lost)?.routing.overriddenBy == "值班员")
        var model2022 = try Taxonomy.read(Data(contentsOf: Fixtures.sample("dagangtou").appendingPathComponent("platforms.json")))
        model2022.routes.removeAll { $0.villages != nil || $0.grids != nil }
        _ = try store.migrateTaxonomy(model2022, town: "330424105000", validFrom: "2026-01-01T00:00:00.000Z", actor: "镇政府")
        let survived = try #require(try store.event(kept))
        #expect(survived.routing.office == "派出所" && survived.platformCode == "PAFZ" && survived.routing.model == "2022")
        #expect(survived.routing.overriddenBy == "值班员" && survived.routing.overrideReason == "专人调处")
        #expect(survived.history.last?.note?.hasSuffix("; 保留改派 派出所") == true)
        let ruled = try #require(try store.event(lost))
        let expected = try #require(TaxonomyRouter(model2022).route(category: "dispute.neighbour", grid: ruled.gridCode, village: ruled.villageCode))
        #expect(ruled.routing.overriddenBy == nil && ruled.routing.office == expected.office)
        #expect(ruled.history.last?.note?.contains("改派 信访办 不在新模型") == true)
    }
}
