import Foundation
import GridMapCore
import Testing

/// The text decoder, the zone of zone-less times and the CSV field writer.
@Suite struct TextTests {
    @Test func gb18030DecodesEveryPlaneAndUTF8LosesItsByteOrderMark() throws {
        // 中 = D6 D0 (GBK); 𠀀 (U+20000) = 95 32 82 36 (a four-byte GB18030 sequence).
        let gb: [UInt8] = [0x61, 0xD6, 0xD0, 0x0A, 0x95, 0x32, 0x82, 0x36]
        let decoded = try TextDecoding.decode(Data(gb), name: "x.csv")
        #expect(decoded.encoding == .gb18030 && decoded.text == "a中\n𠀀")
        let bom = try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("category,中".utf8)), name: "x.csv")
        #expect(bom.encoding == .utf8 && bom.text == "category,中")
        #expect(try TextDecoding.decode(Data(), name: "x.csv").text == "")
        // A GB18030 sequence cut off at the end, and a byte neither knows.
        for (bytes, line) in [([0x61, 0x0A, 0x0A, 0xD6] as [UInt8], 3), ([0x0A, 0xFF], 2)] {
            #expect(throws: TextDecodingError.self) { try TextDecoding.decode(Data(bytes), name: "x.csv") }
            do { _ = try TextDecoding.decode(Data(bytes), name: "x.csv") } catch {
                #expect(error.line == line && error.detail.hasPrefix("x.csv: not UTF-8"), "\(error.detail)")
            }
        }
        #expect(throws: TextDecodingError.self) { try TextDecoding.decode(Data(gb), name: "x.csv", forcing: .utf8) }
        // Forced GB18030 reads bytes UTF-8 would have taken differently.
        #expect(try TextDecoding.decode(Data("中文".utf8), name: "x", forcing: .gb18030).text != "中文")
    }

    @Test func aPatrolCSVInGB18030KeepsItsMemberNames() throws {
        let header = Array("member,time,lon,lat\n".utf8)
        let row: [UInt8] = [0xD0, 0xEC, 0xBE, 0xB2] + Array(",2026-03-02T00:58:11Z,119.72,28.27\n".utf8)  // 徐静
        let fixes = try PatrolFile.parse(Data(header + row), format: nil, options: PatrolParseOptions())
        #expect(fixes.map(\.member) == ["徐静"])
        #expect(throws: PatrolParseError(.undecodableText, "the CSV file: not UTF-8 (line 2, byte 20); check --encoding")) {
            try PatrolFile.parse(Data(header + row), format: .csv, options: PatrolParseOptions(encoding: .utf8))
        }
    }

    @Test func timesAsExcelShowsThemAreReadAtTheGivenZone() throws {
        let beijing = UTCOffset.beijing
        #expect(Instant(parsing: "2025/1/1 8:19", zone: beijing)?.iso == "2025-01-01T00:19:00.000Z")
        #expect(Instant(parsing: "2025/12/31 23:59:59", zone: beijing)?.iso == "2025-12-31T15:59:59.000Z")
        #expect(Instant(parsing: "2025-01-01 08:19", zone: .utc)?.iso == "2025-01-01T08:19:00.000Z")
        #expect(Instant(parsing: "2025-01-01", zone: beijing)?.iso == "2024-12-31T16:00:00.000Z")
        #expect(Instant(parsing: "2025-01-01T08:19:00Z", zone: beijing)?.iso == "2025-01-01T08:19:00.000Z", "a zone given wins")
        #expect(Instant(parsing: "2025/1/1 8:19")?.iso == nil, "no zone, no default: refused")
        #expect(Instant(parsing: "2025-01-01")?.iso == "2025-01-01T00:00:00.000Z")
        for bad in ["2025/13/1 8:19", "2025/1/32", "2025/1-1", "2025/001/1", "2025-1-1 8:19"] {
            #expect(Instant(parsing: bad, zone: beijing)?.iso == nil, "\(bad)")
        }
        #expect(Timestamp.isPlainDate("2025/1/1") && Timestamp.isPlainDate("2025-01-01") && !Timestamp.isPlainDate("2025-01-01 08:00"))
        #expect(UTCOffset("+08:00") == .beijing && UTCOffset("+0800") == .beijing && UTCOffset("Asia/Shanghai") == .beijing)
        #expect(UTCOffset("-05:30")?.milliseconds == -330 * 60_000 && UTCOffset("-05:30")?.description == "-05:30")
        #expect(UTCOffset("UTC") == .utc)
        for bad in ["+8", "+08:0", "+24:00", "Europe/Berlin", "Mars/Olympus", ""] { #expect(UTCOffset(bad) == nil, "\(bad)") }
    }

    @Test func csvFieldsAreQuotedAndFormulasNeutralised() {
        #expect(CSVField.escaped("大港头镇,一网格") == "\"大港头镇,一网格\"")
        #expect(CSVField.escaped("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.escaped("two\nlines") == "\"two\nlines\"")
        #expect(CSVField.escaped("=cmd|' /C calc'!A1") == "\"'=cmd|' /C calc'!A1\"")
        for formula in ["+1+1", "-x", "@SUM(A1)", "\tx", "-"] { #expect(CSVField.escaped(formula) == "\"'\(formula)\"") }
        for plain in ["-1.5", "+3e2", "-119.72", "1e-05", "网格员", "", "2025-01-01T00:00:00.000Z"] { #expect(CSVField.escaped(plain) == plain) }
        var row: [UInt8] = []
        CSVField.appendRow(["a,b", "c\"d", "=1"], to: &row)
        // The project's reader gives the fields back (a neutralised formula keeps its quote mark).
        #expect(CSV.rows(String(decoding: row, as: UTF8.self)) == [["a,b", "c\"d", "'=1"]])
    }
}
