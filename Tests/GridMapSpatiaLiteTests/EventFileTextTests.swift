import Foundation
import GRDB
import GridMapCore
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Events files as offices send them: GB18030 from Excel or WPS on Chinese Windows, UTF-8 with a
/// byte order mark ("CSV UTF-8"), times as Excel shows them; each read back from SQLite.
@Suite struct EventFileTextTests {
    static let header = "category,description,lon,lat,crs,reported_at,source,reporter\n"
    static let rows = [
        "fire.ebike,楼道电动车充电，起火隐患,119.72,28.27,wgs84,2025-05-01T08:00:00+08:00,app,徐静\n",
        "fire.ebike,\"引号\"\"和逗号,都在\",119.72,28.27,wgs84,2025-05-02T08:00:00+08:00,app,𠀀生僻字\n",
    ]

    /// UTF-8 text as GB18030, by Python's codec (independent of glibc's iconv).
    static func gb18030(_ text: String) throws -> Data {
        try ExternalTool.run("/usr/bin/python3", ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('gb18030'))"],
                             input: Array(text.utf8))
    }

    static func file(_ data: Data, _ name: String = "events.csv") throws -> URL {
        let url = try Fixtures.scratchDirectory().appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    static func stored(_ store: SpatiaLiteStore) throws -> [[String]] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT description, reporter, reported_at FROM events ORDER BY id").map { [$0[0], $0[1], $0[2]] }
        }
    }

    @Test func aGB18030FileImportsWithItsChineseIntact() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let bytes = try Self.gb18030(Self.header + Self.rows.joined())
        #expect(String(data: bytes, encoding: .utf8) == nil, "the fixture is not UTF-8")
        let contents = try EventFile.read(Self.file(bytes))
        #expect(contents.encoding == .gb18030)
        _ = try store.importEvents(contents.events, resolvers: HistoricalResolvers(store: store))
        #expect(try Self.stored(store).map { Array($0.prefix(2)) } == [["楼道电动车充电，起火隐患", "徐静"], ["引号\"和逗号,都在", "𠀀生僻字"]])
    }

    @Test func aUTF8FileWithAByteOrderMarkImports() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let contents = try EventFile.read(Self.file(Data([0xEF, 0xBB, 0xBF] + Array((Self.header + Self.rows[0]).utf8))))
        #expect(contents.encoding == .utf8)
        _ = try store.importEvents(contents.events, resolvers: HistoricalResolvers(store: store))
        #expect(try Self.stored(store).map(\.first) == ["楼道电动车充电，起火隐患"])
    }

    @Test func bytesThatAreNeitherAreRefusedByLineAndNothingIsStored() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        // 0xFF starts no character in either encoding.
        let broken = Array((Self.header + "fire.ebike,ok,119.72,28.27,wgs84,2025-05-01T08:00:00+08:00,app,x\n").utf8) + [0x66, 0xFF, 0x0A]
        for encoding in [nil, TextEncoding.utf8, .gb18030] {
            do {
                let contents = try EventFile.read(Self.file(Data(broken)), encoding: encoding)
                _ = try store.importEvents(contents.events, resolvers: HistoricalResolvers(store: store))
                Issue.record("undecodable bytes must be refused")
            } catch let error as DatasetError {
                #expect(error.problems.count == 1 && error.problems[0].contains("line 3"), "\(error.problems)")
            }
        }
        // GB18030 bytes forced as UTF-8 are refused, not stored garbled.
        #expect(throws: DatasetError.self) { try EventFile.read(Self.file(try Self.gb18030(Self.header + Self.rows[0])), encoding: .utf8) }
        #expect(try Self.stored(store).isEmpty)
    }

    @Test func timesWithoutAZoneAreBeijingTimeUnlessToldOtherwise() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let text = Self.header + "fire.ebike,a,119.72,28.27,wgs84,2025/1/1 8:19,app,甲\n"
            + "fire.ebike,b,119.72,28.27,wgs84,2025-01-01 08:19:30,app,甲\n" + "fire.ebike,c,119.72,28.27,wgs84,2025-01-01,app,甲\n"
        _ = try store.importEvents(try EventFile.read(Self.file(Data(text.utf8))).events, resolvers: HistoricalResolvers(store: store))
        _ = try store.importEvents(try EventFile.read(Self.file(Data(text.utf8)), zone: try #require(UTCOffset("+00:00"))).events,
                                   resolvers: HistoricalResolvers(store: store))
        #expect(try Self.stored(store).map { $0[2] } == [
            "2025-01-01T00:19:00.000Z", "2025-01-01T00:19:30.000Z", "2024-12-31T16:00:00.000Z",
            "2025-01-01T08:19:00.000Z", "2025-01-01T08:19:30.000Z", "2025-01-01T00:00:00.000Z",
        ])
    }

    @Test func peopleAndDutyRostersInGB18030Import() throws {
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        for name in ["people.csv", "duty.csv"] {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            try Self.gb18030(try String(contentsOf: url, encoding: .utf8)).write(to: url)
        }
        let store = try Fixtures.emptyStore()
        let summary = try store.importDataset(at: directory)
        #expect(summary.textEncodings["people.csv"] == .gb18030)
        let names = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM people ORDER BY name") }
        let original = try Fixtures.store(with: ["dagangtou"]).pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM people ORDER BY name") }
        #expect(!names.isEmpty && names == original)
        #expect(throws: DatasetError.self) { try Fixtures.emptyStore().importDataset(at: directory, options: ImportOptions(encoding: .utf8)) }
    }
}
