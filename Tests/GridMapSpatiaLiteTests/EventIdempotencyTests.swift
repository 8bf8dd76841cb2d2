import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Event imports are idempotent on a source key, and refuse events reported in the future;
/// every count is checked against SQL.
@Suite struct EventIdempotencyTests {
    let store: SpatiaLiteStore
    static let header = "category,description,lon,lat,crs,reported_at,source,reporter,status,closed_at,external_id\n"

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func count(_ sql: String = "SELECT count(*) FROM events") throws -> Int { try store.pool.read { try Int.fetchOne($0, sql: sql)! } }

    func importCSV(_ text: String, now: Instant = .now()) throws -> EventImportSummary {
        try store.importEvents(try EventFile.csv(text), resolvers: HistoricalResolvers(store: store), actor: "import", now: now)
    }

    @Test func reImportingTheSampleYearStoresNothingTwice() throws {
        let file = Fixtures.sample("dagangtou").appendingPathComponent("events.csv")
        let first = try store.importEvents(try EventFile.read(file).events, resolvers: HistoricalResolvers(store: store))
        let stored = try count()
        #expect(first.events == stored && first.skipped == 0 && stored > 3_000)
        let second = try store.importEvents(try EventFile.read(file).events, resolvers: HistoricalResolvers(store: store))
        #expect(try count() == stored, "the same file again adds no event")
        #expect(try count("SELECT count(*) FROM event_history") == stored)
        #expect(second.events == 0 && second.skippedStored == stored && second.skippedRepeated == 0)
        #expect(second.platforms.isEmpty)
        #expect(second.skippedExamples.first == "line 2: event 1" && second.skippedExamples.count == EventImportSummary.examples)
        #expect(try count("SELECT count(DISTINCT source_key) FROM events") == stored)
    }

    @Test func theContentKeyIgnoresReporterAndStatusButNotPosition() throws {
        let row = "fire.ebike,楼道充电,119.72,28.27,wgs84,2025-05-01T08:00:00+08:00,app,甲,,,\n"
        var summary = try importCSV(Self.header + row + row.replacingOccurrences(of: ",甲,,", with: ",乙,,")
            + row.replacingOccurrences(of: "08:00:00+08:00", with: "00:00:00.000Z"))  // the same instant, spelled in UTC
        #expect(summary.events == 1 && summary.skippedRepeated == 2 && summary.skippedStored == 0)
        #expect(summary.skippedExamples == ["line 3: event 1 (earlier in the file)", "line 4: event 1 (earlier in the file)"])
        summary = try importCSV(Self.header + row.replacingOccurrences(of: "119.72,", with: "119.72000,")  // the same number
            + row.replacingOccurrences(of: "119.72,", with: "119.7201,") + row.replacingOccurrences(of: ",app,", with: ",patrol,")
            + row.replacingOccurrences(of: "楼道充电", with: "楼道内充电") + row.replacingOccurrences(of: ",wgs84,", with: ",gcj02,"))
        #expect(summary.events == 4 && summary.skippedStored == 1 && summary.skippedRepeated == 0)
        #expect(try count() == 5)
        #expect(try count("SELECT count(*) FROM events WHERE source_key IS NULL OR length(source_key) <> 16") == 0)
    }

    @Test func anExternalIDIsTheIdentityWhenGiven() throws {
        let row = { (description: String, id: String) in
            "fire.ebike,\(description),119.72,28.27,wgs84,2025-05-01T08:00:00+08:00,hotline_12345,市民,,,\(id)\n"
        }
        let summary = try importCSV(Self.header + row("楼道充电", "GD-001") + row("楼道充电", "GD-002") + row("已改写的描述", "GD-001"))
        #expect(summary.events == 2 && summary.skippedRepeated == 1)
        #expect(try count("SELECT count(*) FROM events WHERE external_id IN ('GD-001', 'GD-002')") == 2)
        #expect(try count("SELECT count(*) FROM events WHERE description = '已改写的描述'") == 0, "the first delivery is kept")
        let again = try importCSV(Self.header + row("楼道充电", "GD-002") + row("楼道充电", "GD-003"))
        #expect(again.events == 1 && again.skippedStored == 1 && again.skippedExamples == ["line 2: event 2"])
        #expect(try count() == 3)

        for (id, problem) in [("=cmd|calc!A1", "it starts with '='"), ("a\u{1}b", "control character U+1"), ("a;b,c", "comma")] {
            do {
                _ = try importCSV(Self.header + row("x", "\"\(id)\""))
                Issue.record("external_id \(id) must be refused")
            } catch let error as DatasetError {
                #expect(error.problems.count == 1 && error.problems[0].hasPrefix("line 2: external_id ") && error.problems[0].contains(problem),
                        "\(error.problems)")
            }
        }
        #expect(try count() == 3)
    }

    @Test func aGeoJSONExternalIDMayBeANumber() throws {
        let feature = { (description: String) in
            #"{"type":"Feature","geometry":{"type":"Point","coordinates":[119.72,28.27]},"properties":{"category":"party","description":"\#(description)","reported_at":"2025-06-01T08:00:00+08:00","source":"patrol","reporter":"乙","external_id":12345}}"#
        }
        let events = try EventFile.geoJSON(Data(#"{"type":"FeatureCollection","features":[\#(feature("x")),\#(feature("y"))]}"#.utf8))
        let summary = try store.importEvents(events, resolvers: HistoricalResolvers(store: store))
        #expect(summary.events == 1 && summary.skippedRepeated == 1)
        #expect(try count("SELECT count(*) FROM events WHERE external_id = '12345' AND description = 'x'") == 1)
    }

    @Test func eventsReportedInTheFutureAreRefusedAsOverHTTP() throws {
        let now: Instant = "2026-03-01T12:00:00Z"
        let row = { (at: String) in "party,x,119.72,28.27,wgs84,\(at),app,甲,,,\n" }
        do {
            _ = try importCSV(Self.header + row("2026-03-01T11:00:00Z") + row("2026-03-01T12:06:00Z"), now: now)
            Issue.record("an event reported at 12:06 is in the future at 12:00")
        } catch let error as DatasetError {
            #expect(error.problems == ["line 3: reported_at 2026-03-01T12:06:00.000Z is in the future"])
        }
        #expect(try count() == 0, "nothing stored")
        // Within the five minutes phones' clocks may be ahead.
        #expect(try importCSV(Self.header + row("2026-03-01T11:00:00Z") + row("2026-03-01T12:04:00Z"), now: now).events == 2)
    }

    @Test func version8EventsAreKeyedAndTheirDuplicatesKept() throws {
        let path = try Fixtures.scratchDirectory().appendingPathComponent("v8-events.sqlite").path
        let pool = try DatabasePool(path: path, configuration: SpatiaLiteConnection.configuration())
        try Schema.migrator().migrate(pool, upTo: "v8: boundary changes with author and reason, parents per version, tokens, audit log")
        try pool.write { db in
            try db.execute(sql: "INSERT INTO event_snapshots (id, json) VALUES (1, '{}')")
            for (i, description) in [(1, "d"), (2, "d"), (3, "e")] {
                try db.execute(sql: """
                    INSERT INTO events (id, category_code, description, input_x, input_y, crs, reported_at, source, reporter,
                        platform_code, routing_id, people_id, status, lon, lat)
                    VALUES (?, 'party', ?, 119.72, 28.27, 'wgs84', '2025-05-01T00:00:00.000Z', 'app', 'r', 'P', 1, 1, 'received', 119.72, 28.27)
                    """, arguments: [i, description])
            }
        }
        try pool.close()
        let migrated = try SpatiaLiteStore(path: path)
        let keys = try migrated.pool.read { try Row.fetchAll($0, sql: "SELECT id, source_key FROM events ORDER BY id") }
        #expect(keys.map { ($0["source_key"] as Data?)?.count } == [16, nil, 16], "the repeated event stays, unkeyed")
        let report = EventReport(category: "party", description: "d", coordinate: Coordinate(119.72, 28.27), crs: .wgs84,
                                 reportedAt: "2025-05-01T00:00:00.000Z", source: .app, reporter: "someone else")
        #expect(keys[0]["source_key"] == EventSourceKey.content(report).data, "keyed as an import keys it")
    }
}
