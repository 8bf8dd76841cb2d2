import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

@Suite struct ImportTests {
    /// Every unit's stored row count and the revision: equal before and after a failed import.
    func fingerprint(_ store: SpatiaLiteStore) throws -> [String] {
        let snapshot = try store.snapshot()
        let versions = try store.pool.read { db in
            try AdminLevel.allCases.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0.boundaryTable)")! }
        }
        let taxonomies = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM taxonomies")! }
        return ["rev \(snapshot.revision)", "versions \(versions)", "people \(snapshot.people.count)",
                "taxonomies \(taxonomies) \(snapshot.taxonomies.mapValues(\.model))"]
            + snapshot.grids.map { "\($0.unit.code) \($0.unit.name) \(WKB.encode($0.geometry).hashValue)" }
    }

    /// Imports `directory` into a store holding dagangtou, expecting failure; returns the messages.
    func failingImport(_ directory: URL, options: ImportOptions = ImportOptions()) throws -> [String] {
        let store = try Fixtures.store(with: ["dagangtou"])
        let before = try fingerprint(store)
        do {
            _ = try store.importDataset(at: directory, options: options)
            Issue.record("import succeeded but should have failed")
            return []
        } catch let error as DatasetError {
            #expect(try fingerprint(store) == before, "a failed import must change nothing")
            return error.problems
        }
    }

    @Test func sampleImportsAndReimportIsIdempotent() throws {
        let store = try Fixtures.emptyStore()
        let first = try store.importDataset(at: Fixtures.sample("dagangtou"))
        #expect(first.counts[.village]?.added == 11)
        #expect(first.counts[.grid]!.added >= 44)
        #expect(first.report.warnings.isEmpty, "the sample has no gaps: \(first.report.warnings)")
        let revision = try store.boundaryRevision()
        let before = try fingerprint(store)
        let second = try store.importDataset(at: Fixtures.sample("dagangtou"))
        #expect(second.isNoOp)
        #expect(try store.boundaryRevision() == revision)
        #expect(try fingerprint(store) == before)
        // The manifest's valid_from applies to first versions.
        let from = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT valid_from FROM grid_boundaries") }
        #expect(from == ["2024-01-01T00:00:00.000Z"])
    }

    @Test func changedBoundaryOpensANewVersionAndKeepsHistory() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        // Retire the last grid of one village by merging it into its neighbour's village coverage is
        // complex; instead drop a grid (retired) and rename another (attributes only).
        var dropped = ""
        try Fixtures.editFeatures(directory, "grids.geojson") { features in
            dropped = (features.removeLast()["properties"] as! [String: Any])["code"] as! String
        }
        try Data("role,name,phone,grid_code,village_code\n".utf8).write(to: directory.appendingPathComponent("people.csv"))
        let summary = try store.importDataset(at: directory, options: ImportOptions(validFrom: "2025-06-01"))
        #expect(summary.counts[.grid]?.retired == 1)
        #expect(summary.report.warnings.contains { $0.contains("gap") }, "dropping a grid leaves a gap in its village")
        #expect(try store.snapshot().grids.allSatisfy { $0.unit.code != dropped })
        let history = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT valid_from, valid_to FROM grid_boundaries WHERE code = ?", arguments: [dropped])
        }
        #expect(history.count == 1)
        #expect(history[0]["valid_to"] as String? == "2025-06-01T00:00:00.000Z")
    }

    /// A one-town, one-village, two-grid dataset of 0.01° squares; `leftGrid` replaces the left grid's ring.
    func tinyDataset(leftGrid: [Coordinate]? = nil) throws -> URL {
        let directory = try Fixtures.scratchDirectory().appendingPathComponent("tiny")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let box = { (x0: Double, x1: Double) in
            [Coordinate(x0, 30), Coordinate(x1, 30), Coordinate(x1, 30.01), Coordinate(x0, 30.01), Coordinate(x0, 30)]
        }
        func write(_ file: String, _ features: [([Coordinate], [String: String])]) throws {
            let json: [String: Any] = ["type": "FeatureCollection", "features": features.map { ring, properties in
                ["type": "Feature", "properties": properties,
                 "geometry": ["type": "Polygon", "coordinates": Fixtures.polygonCoordinates(ring)]] as [String: Any]
            }]
            try JSONSerialization.data(withJSONObject: json).write(to: directory.appendingPathComponent(file))
        }
        try write("towns.geojson", [(box(120, 120.02), ["code": "330424900000", "name": "测试镇"])])
        try write("villages.geojson", [(box(120, 120.02), ["code": "330424900201", "name": "测试村", "town_code": "330424900000"])])
        try write("grids.geojson", [
            (leftGrid ?? box(120, 120.01), ["code": "330424900201001", "name": "一", "village_code": "330424900201"]),
            (box(120.01, 120.02), ["code": "330424900201002", "name": "二", "village_code": "330424900201"]),
        ])
        return directory
    }

    @Test func invalidGeometryIsRejectedOrRepaired() throws {
        let bowtie = [Coordinate(120, 30), Coordinate(120.01, 30.01), Coordinate(120.01, 30), Coordinate(120, 30.01), Coordinate(120, 30)]
        let directory = try tinyDataset(leftGrid: bowtie)
        let problems = try failingImport(directory)
        #expect(problems.contains { $0.contains("grid 330424900201001: invalid geometry") && $0.contains("Self-intersection")
            && $0.contains("lon 120.005") && $0.contains("--repair") }, "\(problems)")

        let store = try Fixtures.emptyStore()
        let summary = try store.importDataset(at: directory, options: ImportOptions(repair: true))
        #expect(summary.report.repairs.contains { $0.hasPrefix("grid 330424900201001: repaired") && $0.contains("1 → 2 polygon(s)") },
                "\(summary.report.repairs)")
        #expect(summary.report.warnings.contains { $0.hasPrefix("village 330424900201:") && $0.contains("gap") })
        let stored = try #require(try store.currentBoundaries(.grid).first { $0.unit.code == "330424900201001" })
        #expect(stored.geometry.polygons.count == 2)
        #expect(try SQLReference(store).gridsCovering([Coordinate(120.008, 30.005), Coordinate(120.002, 30.005)]) == [["330424900201001"], ["330424900201001"]])
        #expect(try SQLReference(store).gridsCovering([Coordinate(120.005, 30.002)]) == [[]], "the repaired bow tie leaves that gap")
    }

    @Test func tinyValidDatasetImportsWithoutWarnings() throws {
        let summary = try Fixtures.emptyStore().importDataset(at: try tinyDataset())
        #expect(summary.report.warnings.isEmpty && summary.report.repairs.isEmpty)
        #expect(summary.counts[.grid]?.added == 2)
    }

    @Test func hierarchyAndCodeProblemsAreNamed() throws {
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        try Fixtures.editFeatures(directory, "grids.geojson") { features in
            var a = features[0]["properties"] as! [String: Any]
            a["village_code"] = "331102102999"          // parent that does not exist
            features[0]["properties"] = a
            var b = features[1]["properties"] as! [String: Any]
            b["code"] = "12345"                          // malformed
            features[1]["properties"] = b
            var c = features[2]["properties"] as! [String: Any]
            c["code"] = (features[3]["properties"] as! [String: Any])["code"]  // duplicate
            features[2]["properties"] = c
        }
        let problems = try failingImport(directory)
        #expect(problems.contains { $0.contains("parent village 331102102999 does not exist") })
        #expect(problems.contains { $0.contains("grid 12345: a grid code must be its village's code") })
        #expect(problems.contains { $0.contains("duplicate code") })
    }

    @Test func gridOutsideItsVillageAndOverlapsAreErrors() throws {
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        var moved = ""
        try Fixtures.editFeatures(directory, "grids.geojson") { features in
            // Shift one grid 300 m east: it leaves its village and overlaps its neighbours.
            var geometry = features[0]["geometry"] as! [String: Any]
            let rings = (geometry["coordinates"] as! [[[Double]]]).map { $0.map { [$0[0] + 0.003, $0[1]] } }
            geometry["coordinates"] = rings
            features[0]["geometry"] = geometry
            moved = (features[0]["properties"] as! [String: Any])["code"] as! String
        }
        let problems = try failingImport(directory)
        #expect(problems.contains { $0.hasPrefix("grid \(moved): extends up to") && $0.contains("outside its village") })
        #expect(problems.contains { $0.contains("overlaps grid") && $0.contains(moved) })
    }

    @Test func malformedFilesAndPeopleAreReportedWithLines() throws {
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        try Data("{\"type\": \"FeatureCollection\", \"features\": [".utf8).write(to: directory.appendingPathComponent("villages.geojson"))
        try Data("role,name,phone,grid_code,village_code\n队长,张三,1,,331102102001\n".utf8)
            .write(to: directory.appendingPathComponent("people.csv"))
        let problems = try failingImport(directory)
        #expect(problems.contains { $0.hasPrefix("villages.geojson: malformed JSON") })
        #expect(problems.contains { $0.contains("people.csv line 2: unknown role '队长'") })
    }

    @Test func failureInTheWritePhaseRollsEverythingBack() throws {
        // Geometry is fine; a person names a grid that does not exist: detected while writing.
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        try Fixtures.editFeatures(directory, "grids.geojson") { features in features.removeLast() }
        try Data("role,name,phone,grid_code,village_code\n网格员,张三,13900000000,331102102001999,\n".utf8)
            .write(to: directory.appendingPathComponent("people.csv"))
        let problems = try failingImport(directory, options: ImportOptions(validFrom: "2025-01-01"))
        #expect(problems.contains { $0.contains("unknown grid 331102102001999") })
    }
}
