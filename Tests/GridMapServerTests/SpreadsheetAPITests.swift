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

/// Spreadsheets of lists and figures, read back with openpyxl: `GET /v1/events?format=xlsx|csv`
/// (one row per event of the SQL count, reported times as date cells in Beijing time, reporters
/// masked for anonymous readers, the CSV with its BOM), `/v1/stats` and `/v1/coverage` (the JSON's
/// numbers, row for row).
@Suite struct SpreadsheetAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.storeWithEvents(["dagangtou"]) }

    @Test func theEventsOfAMonthReadBackWithTheirTimesAndMasks() async throws {
        let stored = try store.syncRead { db in
            try Row.fetchAll(db, sql: """
                SELECT id, reported_at, reporter FROM events
                WHERE reported_at >= '2025-10-31T16:00:00.000Z' AND reported_at < '2025-11-30T16:00:00.000Z' ORDER BY id
                """).map { (id: $0[0] as Int64, at: $0[1] as String, reporter: $0[2] as String) }
        }
        #expect(stored.count > 200)
        let file = try Fixtures.scratchDirectory().appendingPathComponent("events.xlsx")
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), bytes: { ByteBuffer(string: $0) }) { send in
            let uri = "/v1/events?from=2025-11-01&to=2025-12-01&format="
            func download(_ format: String, token: String?) async throws -> Data {
                try await send.client.execute(uri: uri + format, method: .get, headers: LiveServer.Call<String>.authorization(token)) { response in
                    #expect(response.status == .ok)
                    return Data(buffer: response.body)
                }
            }
            let csv = try await download("csv", token: send.token)
            #expect(Array(csv.prefix(3)) == CSVField.byteOrderMark)
            #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).hasPrefix("编号,类别,描述,状态,来源,报告人,上报时间"))
            #expect(String(decoding: csv, as: UTF8.self).split(separator: "\n").count == stored.count + 1)

            for (token, masked) in [(send.token, false), (nil, true)] {
                try await download("xlsx", token: token).write(to: file)
                let sheets = try #require(try JSONValue.parse(try await ExternalTool.output(
                    "/usr/bin/python3", ["-c", AssessmentsAPITests.openpyxlScript, file.path]).stdout).array)
                let rows = (sheets.first?["rows"]?.array ?? []).dropFirst().map { $0.array ?? [] }
                #expect(sheets.first?["name"] == .string("事件") && rows.count == stored.count)
                for (row, event) in zip(rows, stored) {
                    #expect(row[0].array?.last?.number == Double(event.id))
                    let seconds = Double(try #require(Instant(parsing: event.at)).milliseconds) / 1000
                    #expect(row[6].array?.first == .string("date") && row[6].array?.last?.number.map { abs($0 - seconds) < 0.01 } == true)
                    #expect(row[5].array?.last?.string == (masked ? PersonalMask.contact(event.reporter) : event.reporter))
                }
            }
        }
    }

    /// The first sheet of the workbook at `uri`, as rows of cells' values (openpyxl).
    static func firstSheet(_ send: LiveServer.Call<String>, _ uri: String) async throws -> [[JSONValue]] {
        let file = try Fixtures.scratchDirectory().appendingPathComponent("sheet.xlsx")
        try await send.client.execute(uri: uri, method: .get, headers: LiveServer.Call<String>.authorization(send.token)) { response in
            #expect(response.status == .ok && response.headers[.contentType] == XLSXWorkbook.mediaType, "\(uri)")
            return Data(buffer: response.body)
        }.write(to: file)
        let sheets = try JSONValue.parse(try await ExternalTool.output("/usr/bin/python3", ["-c", AssessmentsAPITests.openpyxlScript, file.path]).stdout)
        return (sheets.array?.first?["rows"]?.array ?? []).map { row in (row.array ?? []).map { $0.array?.last ?? .null } }
    }

    @Test func statsAndCoverageSheetsCarryTheJSONsNumbers() async throws {
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), bytes: { ByteBuffer(string: $0) }) { send in
            for by in ["platform", "village", "office"] {
                let query = "/v1/stats?by=\(by)&from=2025-11-01&to=2025-12-01"
                let (_, json) = try await send(.get, query, nil)
                let groups = json["groups"]?.array ?? []
                let rows = try await Self.firstSheet(send, query + "&format=xlsx")
                #expect(rows.count == groups.count + 1 && (!groups.isEmpty || by == "office"), "\(by): imported events have no tasks")
                for (row, group) in zip(rows.dropFirst(), groups) {
                    #expect(row[0] == group["key"] && row[by == "office" ? 1 : 2].number == group["received"]?.number, "\(by) \(row)")
                }
            }
            let query = "/v1/coverage?from=2025-11-01&to=2025-11-08"
            let (_, geojson) = try await send(.get, query, nil)
            let features = geojson["features"]?.array ?? []
            let rows = try await Self.firstSheet(send, query + "&format=xlsx")
            #expect(rows.count == features.count + 1 && features.count == 65)
            for (row, feature) in zip(rows.dropFirst(), features) {
                #expect(row[0] == feature["properties"]?["grid_code"] || row[0] == feature["id"], "\(row[0])")
                #expect(row[13].number == 7, "seven days required (daily)")
            }
            let (refused, error) = try await send(.get, "/v1/coverage/gaps?from=2025-11-01&to=2025-11-08&format=xlsx", nil)
            #expect(refused == .badRequest && error["error"] == .string("invalid_parameter"))
        }
    }
}
