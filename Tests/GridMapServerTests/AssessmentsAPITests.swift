import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSheets
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// 考核 over HTTP on loopback, on the sample's year of events: every grid's 按期办结率 and reports
/// equal SQL counts written from the README's definitions, scores add up, the CSV opens in Excel
/// (BOM, Chinese header, a row per subject), members' names are masked for anonymous readers,
/// and leaders' adjustments are checked, audited and refused by name with nothing stored.
@Suite(.serialized) struct AssessmentsAPITests {
    static let town = "331102102000"
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.storeWithEvents(["dagangtou"]) }

    func withServer(_ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), bytes: { ByteBuffer(string: $0) }, body)
    }

    /// Per grid, November 2025 (Beijing): [due, on time, reported by grid members], counted in SQL.
    func novemberInSQL() throws -> [String: [Int]] {
        let from = "2025-10-31T16:00:00.000Z", to = "2025-11-30T16:00:00.000Z"
        let rows = try store.syncRead { db in
            try Row.fetchAll(db, sql: """
                SELECT grid_code,
                  SUM(due), SUM(due AND closed_at IS NOT NULL AND closed_at < :to AND (deadline_at IS NULL OR closed_at <= deadline_at)),
                  SUM(source = 'grid_member' AND reported_at >= :from AND reported_at < :to)
                FROM (SELECT *, ((deadline_at >= :from AND deadline_at < :to) OR (closed_at >= :from AND closed_at < :to))
                                AND NOT (status IN ('parked', 'escalated') AND closed_at IS NULL) AS due
                      FROM events WHERE town_code = :town AND grid_code IS NOT NULL)
                GROUP BY grid_code
                """, arguments: ["from": from, "to": to, "town": Self.town])
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], [$0[1], $0[2], $0[3]]) })
    }

    static func line(_ subject: JSONValue, _ code: String) -> JSONValue? {
        subject["indicators"]?.array?.first { $0["code"]?.string == code }
    }

    @Test func gridFiguresEqualTheSQLCountsAndScoresAddUp() async throws {
        let expected = try novemberInSQL()
        #expect(expected.values.reduce(0) { $0 + $1[0] } > 300, "the sample has a month of work to assess")
        try await withServer { send in
            let (status, body) = try await send(.get, "/v1/assessments?period=2025-11&subject=grid&town=\(Self.town)", nil)
            #expect(status == .ok)
            #expect(body["period_name"] == .string("2025年11月") && body["subject"] == .string("grid"))
            #expect(body["scheme"] == .string("大港头镇基层治理四平台考核办法（示例）"))
            let subjects = try #require(body["subjects"]?.array)
            #expect(subjects.count == 65)
            for subject in subjects {
                let code = try #require(subject["code"]?.string)
                let counts = expected[code] ?? [0, 0, 0]
                let onTime = try #require(Self.line(subject, "on_time_closure_rate"))
                #expect(onTime["denominator"]?.number == Double(counts[0]) && onTime["numerator"]?.number == Double(counts[1]), "\(code)")
                #expect(Self.line(subject, "overdue_count")?["value"]?.number == Double(counts[0] - counts[1]), "\(code)")
                #expect(Self.line(subject, "reported_events")?["value"]?.number == Double(counts[2]), "\(code)")
                let weighted = subject["indicators"]?.array?.compactMap { line -> Double? in
                    guard let score = line["score"]?.number, let weight = line["weight"]?.number else { return nil }
                    return score * weight / 100
                }.reduce(0, +) ?? -1
                #expect(abs((subject["score"]?.number ?? 0) - weighted) < 0.006, "\(code): the score is the weighted sum")
                #expect(onTime["definition"]?.string?.hasPrefix("按期办结数 ÷ 应办结数") == true)
            }
            let scores = subjects.compactMap { $0["score"]?.number }, ranks = subjects.compactMap { $0["rank"]?.number }
            #expect(scores == scores.sorted(by: >) && ranks.first == 1)
            for i in 1..<subjects.count {
                #expect(ranks[i] == (scores[i] == scores[i - 1] ? ranks[i - 1] : Double(i + 1)), "competition ranking")
            }
        }
    }

    @Test func theCSVOpensInExcelAndMembersAreMaskedForAnonymousReaders() async throws {
        let names = Set(try store.syncRead { db in try String.fetchAll(db, sql: "SELECT name FROM people WHERE role = '网格员'") })
        try await withServer { send in
            let csv = try await send.client.execute(uri: "/v1/assessments?period=2025-Q4&subject=village&town=\(Self.town)&format=csv",
                                                    method: .get, headers: LiveServer.Call<String>.authorization(send.token)) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.contains("assessment-\(Self.town)-2025-Q4-village.csv") == true)
                return Array(buffer: response.body)
            }
            #expect(Array(csv.prefix(3)) == CSVField.byteOrderMark)
            let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\n")
            #expect(lines.first?.hasPrefix("排名,编码,名称,总分,加减分,按期办结率(%),按期办结率得分,超期件数,超期件数得分") == true)
            #expect(lines.count == 12, "a header and the 11 villages")

            let (_, full) = try await send(.get, "/v1/assessments?period=2025-11&subject=member&town=\(Self.town)", nil)
            let shown = Set(full["subjects"]?.array?.compactMap { $0["name"]?.string } ?? [])
            #expect(shown.count > 60 && shown.isSubset(of: names), "the dispatcher sees the members' names")
            let (_, masked) = try await send(.get, "/v1/assessments?period=2025-11&subject=member&town=\(Self.town)", nil, token: nil)
            let hidden = masked["subjects"]?.array?.compactMap { $0["name"]?.string } ?? []
            #expect(hidden.count == 130 && hidden.allSatisfy { $0.hasSuffix("*") && !names.contains($0) })
        }
    }

    @Test func leadersAdjustWithinTheBoundsAndBadRequestsAreRefusedByName() async throws {
        let leader = try store.createToken(name: "镇长", role: .leader, by: .test).token
        let grid = try #require(try store.syncRead { db in try String.fetchOne(db, sql: "SELECT code FROM grids ORDER BY code LIMIT 1") })
        @Sendable func stored() throws -> Int { try store.syncRead { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM assessment_adjustments")! } }
        try await withServer { send in
            let uri = "/v1/assessments?period=2025-11&subject=grid&town=\(Self.town)"
            let (_, before) = try await send(.get, uri, nil)
            let was = try #require(before["subjects"]?.array?.first { $0["code"]?.string == grid }?["score"]?.number)
            let body = #"{"subject":"grid","code":"\#(grid)","period":"2025-11","points":-3.5,"reason":"网格员脱岗被通报"}"#
            let (forbidden, _) = try await send(.post, "/v1/assessments/adjustments", body)
            #expect(forbidden == .forbidden, "a dispatcher does not adjust")
            let (created, adjustment) = try await send(.post, "/v1/assessments/adjustments", body, token: leader)
            #expect(created == .created && adjustment["points"] == .number(-3.5) && adjustment["reason"] == .string("网格员脱岗被通报"))
            let (_, after) = try await send(.get, uri, nil)
            let adjusted = try #require(after["subjects"]?.array?.first { $0["code"]?.string == grid })
            #expect(adjusted["score"]?.number == was - 3.5 && adjusted["adjustment"] == .number(-3.5))
            #expect(adjusted["adjustments"]?.array?.first?["reason"] == .string("网格员脱岗被通报"))
            let (_, anonymous) = try await send(.get, uri, nil, token: nil)
            let seen = anonymous["subjects"]?.array?.first { $0["code"]?.string == grid }?["adjustments"]?.array?.first
            #expect(seen?["reason"] == .null && seen?["actor"]?.string?.hasSuffix("*") == true)
            let audited = try store.syncRead { db in
                try String.fetchOne(db, sql: "SELECT detail FROM audit_log WHERE action = 'POST /v1/assessments/adjustments' AND status = 201")
            }
            #expect(audited?.contains("\"points\":-3.5") == true && audited?.contains(grid) == true)

            let refused: [(String, HTTPResponse.Status, String)] = [
                (#"{"subject":"grid","code":"\#(grid)","period":"2025-11","points":-7,"reason":"再扣"}"#, .unprocessableContent,
                 "adjustment_out_of_bounds"),
                (#"{"subject":"grid","code":"\#(grid)","period":"2025-11","points":1,"reason":" "}"#, .badRequest, "reason_required"),
                (#"{"subject":"grid","code":"\#(grid)","period":"2025-11","points":1e999,"reason":"x"}"#, .badRequest, "malformed_body"),
                (#"{"subject":"grid","code":"\#(grid)","period":"2025-11","points":"5","reason":"x"}"#, .badRequest, "invalid_field"),
                (#"{"subject":"grid","code":"000","period":"2025-11","points":1,"reason":"x"}"#, .notFound, "unknown_subject"),
                (#"{"subject":"street","code":"\#(grid)","period":"2025-11","points":1,"reason":"x"}"#, .badRequest, "invalid_field"),
                (#"{"subject":"grid","code":"\#(grid)","period":"2025-13","points":1,"reason":"x"}"#, .badRequest, "invalid_period"),
                (#"{"subject":"grid","code":"\#(grid)","period":"2025-11","points":1,"reason":"x","town":"330000000000"}"#, .notFound,
                 "unknown_town"),
                (#"{"subject":"grid","code":"\#(grid)","period":"2025-11","#, .badRequest, "malformed_body"),
            ]
            for (body, status, code) in refused {
                let (answered, error) = try await send(.post, "/v1/assessments/adjustments", body, token: leader)
                #expect(answered == status && error["error"]?.string == code, "\(body)")
            }
            #expect(try stored() == 1, "nothing refused was stored")
        }
    }

    @Test func badQueriesAreRefusedByName() async throws {
        var gridsOnly = try AssessmentScheme.read(Data(contentsOf: Fixtures.sample("dagangtou").appendingPathComponent("assessment.json")))
        gridsOnly.subjects = gridsOnly.subjects.filter { $0.subject == .grid }
        gridsOnly.name = "只考网格"
        _ = try store.setAssessmentScheme(gridsOnly, town: Self.town, validFrom: "2026-01-01T00:00:00+08:00")
        try await withServer { send in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("town=\(Self.town)", .badRequest, "missing_parameter"),
                ("period=2025-Q5", .badRequest, "invalid_period"),
                ("period=2025-11&subject=street", .badRequest, "invalid_parameter"),
                ("period=2025-11&town=330000000000", .notFound, "unknown_town"),
                ("period=2025-11&format=pdf", .badRequest, "invalid_parameter"),
                ("period=2026-02&subject=office", .badRequest, "subject_not_assessed"),
            ]
            for (query, status, code) in cases {
                let (answered, error) = try await send(.get, "/v1/assessments?\(query)", nil)
                #expect(answered == status && error["error"]?.string == code, "\(query)")
            }
            let (ok, body) = try await send(.get, "/v1/assessments?period=2025-12&subject=office", nil)
            #expect(ok == .ok && body["town"] == .string(Self.town), "the server's one town by default; December keeps the old scheme")
            let (_, january) = try await send(.get, "/v1/assessments?period=2026-01", nil)
            #expect(january["scheme"] == .string("只考网格"))
        }
    }

    /// Reads a workbook with openpyxl (Debian's python3-openpyxl): per sheet its name, frozen cell,
    /// header row and every row's cells as [type, value], a date as the UTC seconds of its Beijing wall-clock time.
    static let openpyxlScript = """
        import json, sys, datetime, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        def cell(c):
            v = c.value
            if isinstance(v, datetime.datetime):
                return ["date", (v - datetime.datetime(1970, 1, 1)).total_seconds() - 8 * 3600]
            if isinstance(v, bool) or v is None: return ["none", None]
            if isinstance(v, (int, float)): return ["number", v]
            return ["text", v]
        print(json.dumps([{"name": ws.title, "freeze": ws.freeze_panes, "rows": [[cell(c) for c in row] for row in ws.iter_rows()]}
                          for ws in book.worksheets], ensure_ascii=False))
        """

    @Test func theWorkbookReadsBackInOpenpyxlWithTheAPIsNumbers() async throws {
        let leader = try store.createToken(name: "镇长", role: .leader, by: .test).token
        let file = try Fixtures.scratchDirectory().appendingPathComponent("assessment.xlsx")
        try await withServer { send in
            let body = #"{"subject":"platform","code":"PAFZ","period":"2025-Q4","points":2,"reason":"平安创建加分"}"#
            let (created, _) = try await send(.post, "/v1/assessments/adjustments", body, token: leader)
            #expect(created == .created)
            let query = "period=2025-Q4&subject=platform&town=\(Self.town)"
            let (_, json) = try await send(.get, "/v1/assessments?\(query)", nil)
            let workbook = try await send.client.execute(uri: "/v1/assessments?\(query)&format=xlsx", method: .get,
                                                         headers: LiveServer.Call<String>.authorization(send.token)) { response in
                #expect(response.status == .ok && response.headers[.contentType] == XLSXWorkbook.mediaType)
                return Data(buffer: response.body)
            }
            try workbook.write(to: file)
            let read = try JSONValue.parse(try await ExternalTool.output("/usr/bin/python3", ["-c", Self.openpyxlScript, file.path]).stdout)
            let sheets = try #require(read.array)
            #expect(sheets.compactMap { $0["name"]?.string } == ["平台考核", "指标说明", "加减分"])
            #expect(sheets.allSatisfy { $0["freeze"] == .string("A2") }, "the header row is frozen")
            /// A sheet's rows of (type, value) cells.
            func cells(_ sheet: JSONValue) -> [[(type: String, value: JSONValue)]] {
                (sheet["rows"]?.array ?? []).map { row in
                    (row.array ?? []).map { cell in (cell.array?.first?.string ?? "", cell.array?.last ?? .null) }
                }
            }
            let rows = cells(sheets[0])
            #expect(rows[0].prefix(5).map(\.value) == ["排名", "编码", "名称", "总分", "加减分"].map(JSONValue.string))
            let subjects = try #require(json["subjects"]?.array)
            #expect(rows.count == subjects.count + 1)
            for (row, subject) in zip(rows.dropFirst(), subjects) {
                #expect(row[0].type == "number" && row[0].value == subject["rank"])
                #expect(row[1].value == subject["code"] && row[3].type == "number")
                #expect(row[3].value.number.map { abs($0 - (subject["score"]?.number ?? -1)) < 1e-9 } == true, "the score, as a number")
                #expect(row[4].value.number == subject["adjustment"]?.number)
            }
            let definitions = cells(sheets[1])
            #expect(definitions.count == 6 && definitions[1][1].value == .string("on_time_closure_rate"))
            let adjustments = cells(sheets[2])
            #expect(adjustments.count == 2 && adjustments[1][0].value == .string("PAFZ") && adjustments[1][3].value.number == 2)
            let at = try #require(try store.syncRead { db in try String.fetchOne(db, sql: "SELECT at FROM assessment_adjustments") })
            let seconds = Double(try #require(Instant(parsing: at)).milliseconds) / 1000
            #expect(adjustments[1][6].type == "date" && adjustments[1][6].value.number.map { abs($0 - seconds) < 0.01 } == true,
                    "a date cell in Beijing time")
        }
    }

    @Test func theMonthlyReportIsAPrintablePageAndAWorkbookWithTheStoredCounts() async throws {
        let received = try #require(try store.syncRead { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM events WHERE town_code = ? AND reported_at >= '2025-10-31T16:00:00.000Z' AND reported_at < '2025-11-30T16:00:00.000Z'
                """, arguments: [Self.town])
        })
        #expect(received > 200)
        let file = try Fixtures.scratchDirectory().appendingPathComponent("report.xlsx")
        try await withServer { send in
            let uri = "/v1/reports/monthly?town=\(Self.town)&month=2025-11"
            let page = try await send.client.execute(uri: uri, method: .get, headers: LiveServer.Call<String>.authorization(send.token)) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "text/html; charset=utf-8")
                return String(buffer: response.body)
            }
            #expect(page.contains("<title>大港头镇2025年11月基层治理月报</title>"))
            for section in ["汇总", "分平台", "分部门", "分村社", "网格考核", "村（社区）考核", "平台考核", "部门考核"] {
                #expect(page.contains("<h2>\(section)</h2>"), "\(section)")
            }
            #expect(page.contains("<tr><td>受理事件</td><td class=\"n\">\(received)</td></tr>"))

            let workbook = try await send.client.execute(uri: uri + "&format=xlsx", method: .get,
                                                         headers: LiveServer.Call<String>.authorization(send.token)) { Data(buffer: $0.body) }
            try workbook.write(to: file)
            let sheets = try #require(try JSONValue.parse(try await ExternalTool.output("/usr/bin/python3", ["-c", Self.openpyxlScript, file.path]).stdout).array)
            #expect(sheets.compactMap { $0["name"]?.string } == ["汇总", "分平台", "分部门", "分村社", "网格考核", "网格员考核", "村（社区）考核", "平台考核", "部门考核"])
            let summary = sheets[0]["rows"]?.array ?? []
            #expect(summary.dropFirst().first?.array?.last?.array?.last?.number == Double(received), "受理事件, as a number")
            #expect(summary.last?.array?.last?.array?.first == .string("date"), "统计时间, a date cell")
            let platforms = (sheets[1]["rows"]?.array ?? []).dropFirst().compactMap { $0.array?[2].array?.last?.number }
            #expect(platforms.reduce(0, +) == Double(received), "the platforms add up to the month's events")

            for (query, code) in [("month=2025-Q4", "invalid_parameter"), ("month=2025-13", "invalid_parameter"), ("", "missing_parameter"),
                                  ("month=2025-11&format=pdf", "invalid_parameter"), ("month=2025-11&town=330000000000", "unknown_town")] {
                let (status, error) = try await send(.get, "/v1/reports/monthly?\(query)", nil)
                #expect(status.code / 100 == 4 && error["error"]?.string == code, "\(query)")
            }
        }
    }
}
