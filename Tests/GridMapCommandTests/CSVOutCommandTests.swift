import Foundation
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// CSV the commands write, read back by Python's `csv` module (an independent reader).
@Suite struct CSVOutCommandTests {
    private static let gridmap = ExternalTool.gridmap

    @Test func coverageCSVQuotesNamesNeutralisesFormulasAndStartsWithABOMWhenAsked() async throws {
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        let name = "=HYPERLINK(\"http://x\"),一网格\n二"
        var code = ""
        try Fixtures.editFeatures(directory, "grids.geojson") { features in
            var properties = features[0]["properties"] as! [String: Any]
            properties["name"] = name
            code = properties["code"] as! String
            features[0]["properties"] = properties
        }
        let store = try Fixtures.emptyStore()
        _ = try store.importDataset(at: directory)
        let plain = try await ExternalTool.output(Self.gridmap, ["coverage", "--from", "2025-11-01", "--to", "2025-11-02", "--db", store.path])
        let bom = try await ExternalTool.output(Self.gridmap, ["coverage", "--from", "2025-11-01", "--to", "2025-11-02", "--db", store.path, "--bom"])
        #expect(Array(bom.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF] && bom.stdout.dropFirst(3) == plain.stdout)
        #expect(!plain.stdout.starts(with: [0xEF]))
        let file = try Fixtures.scratchDirectory().appendingPathComponent("coverage.csv")
        try bom.stdout.write(to: file)
        let script = """
            import csv, json, sys
            rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
            print(json.dumps({'widths': sorted({len(r) for r in rows}), 'names': {r[0]: r[1] for r in rows[1:]}}))
            """
        let read = try JSONSerialization.jsonObject(with: try await ExternalTool.output("/usr/bin/python3", ["-c", script, file.path]).stdout) as! [String: Any]
        #expect(read["widths"] as? [Int] == [16], "every row has the header's 16 fields")
        #expect((read["names"] as? [String: String])?[code] == "'" + name)
    }
}
