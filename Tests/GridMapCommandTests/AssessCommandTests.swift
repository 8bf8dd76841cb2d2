import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// `gridmap assess` and `gridmap assessment set`, the binary as a user runs it: the CSV carries the
/// JSON's scores under a Chinese header with a BOM; a bad scheme is refused, every problem named,
/// in a dataset or on its own, with nothing stored.
@Suite("gridmap assess and assessment set, the commands")
struct AssessCommandTests {
    static let town = "331102102000"

    func schemes(_ store: SpatiaLiteStore) throws -> [String] {
        try store.pool.read { db in try String.fetchAll(db, sql: "SELECT json_extract(scheme, '$.name') FROM assessment_schemes ORDER BY id") }
    }

    @Test func theCSVCarriesTheJSONsScores() async throws {
        let store = try Fixtures.storeWithEvents(["dagangtou"])
        let common = ["assess", "--town", Self.town, "--period", "2025-Q4", "--subject", "platform", "--db", store.path]
        let json = try JSONValue.parse(try await ExternalTool.output(ExternalTool.gridmap, common).stdout)
        let scores = Dictionary(uniqueKeysWithValues: (json["subjects"]?.array ?? []).compactMap { subject in
            subject["code"]?.string.flatMap { code in subject["score"]?.number.map { (code, $0) } }
        })
        #expect(Set(scores.keys) == ["DJTL", "JJST", "PAFZ", "GGFW"])
        let csv = try await ExternalTool.output(ExternalTool.gridmap, common + ["--format", "csv"]).stdout
        #expect(Array(csv.prefix(3)) == CSVField.byteOrderMark)
        let rows = String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.prefix(5) == ["排名", "编码", "名称", "总分", "加减分"])
        #expect(rows.count == 5)
        for row in rows.dropFirst() {
            #expect(Double(row[3]).map { abs($0 - (scores[String(row[1])] ?? -1)) < 0.005 } == true, "\(row)")
        }

        let workbook = try Fixtures.scratchDirectory().appendingPathComponent("platforms.xlsx")
        _ = try await ExternalTool.output(ExternalTool.gridmap, common + ["--format", "xlsx", "-o", workbook.path])
        let sheets = try await ExternalTool.output("/usr/bin/python3", ["-c", """
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            ws = book.worksheets[0]
            print(",".join(book.sheetnames)); print(ws.max_row); print(ws.cell(2, 4).value)
            """, workbook.path]).text.split(separator: "\n")
        #expect(sheets.first == "平台考核,指标说明,加减分" && sheets.dropFirst().first == "5")
        #expect(sheets.last.flatMap { Double($0) }.map { score in scores.values.contains { abs($0 - score) < 1e-9 } } == true)

        let badPeriod = try await ExternalTool.output(ExternalTool.gridmap, ["assess", "--town", Self.town, "--period", "2025-Q9",
                                                                            "--db", store.path], expecting: 2)
        #expect(badPeriod.stderr.contains("invalid_period"))
        let badTown = try await ExternalTool.output(ExternalTool.gridmap, ["assess", "--town", "330000000000", "--period", "2025",
                                                                          "--db", store.path], expecting: 2)
        #expect(badTown.stderr.contains("unknown_town"))
    }

    @Test func aSchemeIsSetOnceCheckedFirstAndVersioned() async throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        #expect(try schemes(store) == ["大港头镇基层治理四平台考核办法（示例）"], "the dataset's assessment.json")
        let directory = try Fixtures.scratchDirectory()
        var scheme = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.sample("dagangtou").appendingPathComponent("assessment.json")))
            as! [String: Any]
        scheme["name"] = "2026年考核办法"
        let good = directory.appendingPathComponent("good.json")
        try JSONSerialization.data(withJSONObject: scheme).write(to: good)
        let set = ["assessment", "set", "--town", Self.town, good.path, "--valid-from", "2026-01-01", "--db", store.path]
        #expect(try await ExternalTool.output(ExternalTool.gridmap, set).text.contains("set from"))
        #expect(try await ExternalTool.output(ExternalTool.gridmap, set).text.contains("nothing changed"))
        #expect(try schemes(store) == ["大港头镇基层治理四平台考核办法（示例）", "2026年考核办法"])

        var subjects = scheme["subjects"] as! [[String: Any]]
        var indicators = subjects[0]["indicators"] as! [[String: Any]]
        indicators[0]["weight"] = 35
        subjects[0]["indicators"] = indicators
        subjects[1]["subject"] = "grid"
        scheme["subjects"] = subjects
        scheme["name"] = "坏的办法"
        let bad = directory.appendingPathComponent("bad.json")
        try JSONSerialization.data(withJSONObject: scheme).write(to: bad)
        let refused = try await ExternalTool.output(ExternalTool.gridmap, ["assessment", "set", "--town", Self.town, bad.path, "--db", store.path],
                                                    expecting: 2)
        #expect(refused.stderr.contains("subjects[0] (grid).indicators: the weights add up to 105, not 100"), "\(refused.stderr)")
        #expect(refused.stderr.contains("subjects[1] (grid): the subject appears twice"), "\(refused.stderr)")
        #expect(try schemes(store).count == 2, "nothing stored")

        let dataset = try Fixtures.editableCopy(of: "dagangtou")
        try FileManager.default.removeItem(at: dataset.appendingPathComponent("assessment.json"))
        try FileManager.default.copyItem(at: bad, to: dataset.appendingPathComponent("assessment.json"))
        let fresh = try Fixtures.scratchDirectory().appendingPathComponent("fresh.sqlite").path
        let importRefused = try await ExternalTool.output(ExternalTool.gridmap, ["import", dataset.path, "--db", fresh], expecting: 2)
        #expect(importRefused.stderr.contains("assessment.json: subjects[0] (grid).indicators: the weights add up to 105"), "\(importRefused.stderr)")
    }

    @Test func theMonthlyReportIsWrittenAsAWorkbookOrAPage() async throws {
        let store = try Fixtures.storeWithEvents(["dagangtou"])
        let directory = try Fixtures.scratchDirectory()
        let common = ["report", "monthly", "--town", Self.town, "--month", "2025-11", "--db", store.path]
        let page = directory.appendingPathComponent("report.html"), book = directory.appendingPathComponent("report.xlsx")
        let said = try await ExternalTool.output(ExternalTool.gridmap, common + ["-o", page.path]).text
        #expect(said.contains("大港头镇2025年11月基层治理月报") && said.contains("9 sheets"), "\(said)")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("<h1>大港头镇2025年11月基层治理月报</h1>"))
        _ = try await ExternalTool.output(ExternalTool.gridmap, common + ["-o", book.path])
        let names = try await ExternalTool.output("/usr/bin/python3", ["-c", "import sys, openpyxl; print(','.join(openpyxl.load_workbook(sys.argv[1]).sheetnames))",
                                                                        book.path]).text
        #expect(names.hasPrefix("汇总,分平台,分部门,分村社,网格考核"))
        _ = try await ExternalTool.output(ExternalTool.gridmap, common + ["-o", directory.appendingPathComponent("report.pdf").path], expecting: 64)
        _ = try await ExternalTool.output(ExternalTool.gridmap, ["report", "monthly", "--town", Self.town, "--month", "2025-Q4", "-o", page.path,
                                                                 "--db", store.path], expecting: 64)
    }
}
