import Foundation
import GRDB
import GridMapCore
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// `platforms.json` through import: stored as read, versioned like boundaries, all or nothing.
extension ImportTests {
    func taxonomyFile(_ sample: String) throws -> Taxonomy {
        try Taxonomy.read(Data(contentsOf: Fixtures.sample(sample).appendingPathComponent("platforms.json")))
    }

    @Test func platformModelsAreStoredAsReadAndReimportChangesNothing() throws {
        let store = try Fixtures.store(with: ["dagangtou", "ganpu"])
        let stored = try store.currentTaxonomies()
        #expect(stored.map(\.townCode) == ["330424105000", "331102102000"])
        #expect(stored.map(\.taxonomy.model) == ["2016", "2022"])
        #expect(stored[1].taxonomy == (try taxonomyFile("dagangtou")), "a stored model reads back equal to its file")
        #expect(stored[0].taxonomy == (try taxonomyFile("ganpu")))
        #expect(stored.allSatisfy { $0.validFrom == "2024-01-01T00:00:00.000Z" }, "a first model starts at the dataset's valid_from")
        let again = try store.importDataset(at: Fixtures.sample("dagangtou"))
        #expect(again.taxonomies.isEmpty && again.isNoOp)
    }

    @Test func aChangedModelClosesTheOldVersion() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        // The town moves to the 2016 model (ganpu's file, its overrides dropped: they name ganpu's places).
        var model2016 = try taxonomyFile("ganpu")
        model2016.routes.removeAll { $0.villages != nil || $0.grids != nil }
        try JSONEncoder().encode(model2016).write(to: directory.appendingPathComponent("platforms.json"))
        let summary = try store.importDataset(at: directory, options: ImportOptions(validFrom: "2026-01-01"))
        #expect(summary.taxonomies == ["331102102000"])
        #expect(try store.currentTaxonomies().map(\.taxonomy) == [model2016])
        let history = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT model, valid_from, valid_to FROM taxonomies ORDER BY id").map {
                "\($0["model"] as String) \($0["valid_from"] as String) \(($0["valid_to"] as String?) ?? "-")"
            }
        }
        #expect(history == ["2022 2024-01-01T00:00:00.000Z 2026-01-01T00:00:00.000Z", "2016 2026-01-01T00:00:00.000Z -"])
        #expect(try store.snapshot().taxonomies["331102102000"]?.model == "2016")
    }

    @Test func badPlatformFilesChangeNothing() throws {
        let unknownPlace = try Fixtures.editableCopy(of: "dagangtou")
        var model = try taxonomyFile("dagangtou")
        model.routes[model.routes.count - 1].grids = ["331102102999001"]
        try JSONEncoder().encode(model).write(to: unknownPlace.appendingPathComponent("platforms.json"))
        #expect(try failingImport(unknownPlace) == ["platforms.json: routes[16] (fire): grid 331102102999001 is not in the dataset"])

        let malformed = try Fixtures.editableCopy(of: "dagangtou")
        try Data("{\"model\": \"2022\", ".utf8).write(to: malformed.appendingPathComponent("platforms.json"))
        #expect(try failingImport(malformed).first?.hasPrefix("platforms.json: not valid JSON") == true)
    }
}

/// AB posts and the duty roster through import.
extension ImportTests {
    @Test func absencesSurviveReimportAndTheRosterIsStored() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        #expect(try store.setAbsent(true, unit: "331102102001001", role: .gridMember, post: .a) == AbsenceUpdate(matched: 1, changed: 1))
        let reimport = try store.importDataset(at: Fixtures.sample("dagangtou"))
        #expect(reimport.isNoOp)
        let people = try store.snapshot().people.filter { $0.unitCode == "331102102001001" }
        #expect(people.map(\.post) == [.a, .b] && people.map(\.absent) == [true, false])
        #expect(Resolver(try store.snapshot()).people(of: AdminUnit(level: .grid, code: "331102102001001", name: "", parentCode: nil))
            .map(\.post) == [.b])
        #expect(try store.dutyLeader(town: "331102102000", date: "2026-11-23") != nil)
        #expect(try store.dutyLeader(town: "331102102000", date: "2030-01-01") == nil)

        let badRoster = try Fixtures.editableCopy(of: "dagangtou")
        try "date,name,phone\n2025-01-01,甲,1\n2025-01-01,乙,2\n2025-13-01,丙,3\n".write(
            to: badRoster.appendingPathComponent("duty.csv"), atomically: true, encoding: .utf8)
        #expect(try failingImport(badRoster) == ["duty.csv line 3: 2025-01-01 appears more than once",
                                                 "duty.csv line 4: expected a YYYY-MM-DD date, a name and a phone"])
    }
}
