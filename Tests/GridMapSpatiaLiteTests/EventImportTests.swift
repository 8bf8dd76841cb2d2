import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Bulk import of the shipped sample year, and statistics checked against SQL.
@Suite struct EventImportTests {
    @Test func theSampleYearImportsAndStatisticsAgreeWithSQL() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let events = try EventFile.read(Fixtures.sample("dagangtou").appendingPathComponent("events.csv")).events
        let summary = try store.importEvents(events, resolvers: HistoricalResolvers(store: store))
        #expect(summary.events == events.count && events.count > 3_000)
        #expect(Set(summary.platforms.keys) == ["DJTL", "JJST", "PAFZ", "GGFW"])

        let table = try store.eventFactsTable()
        let from: Instant = "2025-04-01T00:00:00.000Z", to: Instant = "2025-10-01T00:00:00.000Z"
        let now: Instant = "2026-01-01T00:00:00.000Z", epoch = Instant(milliseconds: 0)
        for dimension in StatsDimension.allCases {
            let column = dimension == .platform ? "platform_code" : "\(dimension.rawValue)_code"
            let expected = try store.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT \(column) AS k, count(*) AS received, count(closed_at) AS closed,
                        sum(CASE WHEN deadline_at IS NOT NULL AND COALESCE(closed_at, '2026-01-01T00:00:00.000Z') > deadline_at
                            THEN 1 ELSE 0 END) AS overdue
                    FROM events WHERE reported_at >= '2025-04-01T00:00:00.000Z' AND reported_at < '2025-10-01T00:00:00.000Z'
                        AND \(column) IS NOT NULL
                    GROUP BY k ORDER BY k
                    """).map { "\($0["k"] as String) \($0["received"] as Int) \($0["closed"] as Int) \($0["overdue"] as Int)" }
            }
            let actual = table.stats(by: dimension, from: from, to: to, now: now)
            #expect(actual.map { "\($0.key) \($0.received) \($0.closed) \($0.overdue)" } == expected, "\(dimension)")
        }
        // Median hours to close of one platform, by SQL's own ordering.
        let medianBySQL = try store.pool.read { db in
            let hours = try Double.fetchAll(db, sql: """
                SELECT (julianday(closed_at) - julianday(reported_at)) * 24 AS h FROM events
                WHERE platform_code = 'PAFZ' AND closed_at IS NOT NULL ORDER BY h
                """)
            return hours[Int((0.5 * Double(hours.count)).rounded(.up)) - 1]
        }
        let pafz = try #require(table.stats(by: .platform, from: epoch, to: now, now: now).first { $0.key == "PAFZ" })
        #expect(abs(pafz.medianHours! - medianBySQL) < 0.001)

        // A refreshed table equals a fresh one after changes: a new event, a closed one, a supervised one.
        var refreshed = table
        let open = try #require(try store.events({ var q = EventQuery(); q.status = .inProgress; return q }()).first)
        _ = try store.transition(open.id, to: .resolved, actor: "x", note: nil, at: "2026-01-02T00:00:00.000Z")
        _ = try store.importEvents(try EventFile.csv("category,description,lon,lat,crs,reported_at,source,reporter\n"
            + "party,x,119.72,28.27,wgs84,2025-06-01T00:00:00Z,app,甲\n"), resolvers: HistoricalResolvers(store: store))
        try store.sweepSupervision(at: "2026-01-05T00:00:00.000Z")
        try store.refresh(&refreshed)
        let fresh = try store.eventFactsTable()
        #expect(refreshed.count == table.count + 1)
        for dimension in StatsDimension.allCases {
            #expect(refreshed.stats(by: dimension, from: epoch, to: now, now: now) == fresh.stats(by: dimension, from: epoch, to: now, now: now))
        }
        #expect(refreshed.stats(by: .town, from: epoch, to: now, now: now) != table.stats(by: .town, from: epoch, to: now, now: now))
    }

    @Test func aBadRowIsNamedByLineAndNothingIsStored() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let header = "category,description,lon,lat,crs,reported_at,source,reporter,status,closed_at\n"
        let good = "fire.ebike,充电,119.72,28.27,wgs84,2025-05-01T08:00:00+08:00,app,甲,,\n"
        let problems = { (text: String) -> [String] in
            do {
                _ = try store.importEvents(try EventFile.csv(text), resolvers: HistoricalResolvers(store: store))
                return []
            } catch let error as DatasetError { return error.problems } catch { return ["\(error)"] }
        }
        #expect(problems(header + good + "fire.ebike,x,abc,28.27,wgs84,2025-05-01,app,甲,,\n") == ["line 3: lon and lat must be numbers"])
        #expect(problems(header + good + good.replacingOccurrences(of: "fire.ebike", with: "nope")).first?.hasPrefix("line 3: unknown category 'nope'") == true)
        #expect(problems(header + good.replacingOccurrences(of: ",,\n", with: ",resolved,\n")) == ["line 2: closed_at is required exactly for resolved and evaluated events"])
        #expect(problems(header + good.replacingOccurrences(of: "119.72", with: "121.5")) == ["line 2: the point is in no town, so no platform model applies"])
        #expect(try store.events(EventQuery()).isEmpty, "nothing stored by failed imports")
        #expect(problems(header + good + good.replacingOccurrences(of: "充电", with: "又充电")).isEmpty)
        #expect(try store.events(EventQuery()).count == 2)
    }

    @Test func largeImportsAreCheckedInEverySliceAndIndexedLikeSmallOnes() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let text = try String(contentsOf: Fixtures.sample("dagangtou").appendingPathComponent("events.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst() + ",external_id"
        // > 16,384 rows: several slices; the copies are distinct events by their external ids.
        var rows = (0..<5).flatMap { copy in lines.enumerated().map { "\($1),c\(copy)-\($0)" } }
        #expect(rows.count > 20_000)
        var broken = rows
        broken[3] = broken[3].replacingOccurrences(of: ",119.", with: ",121.")
        broken[19_000] = "nope" + broken[19_000].drop { $0 != "," }
        let csv = { (rows: [String]) in ([header] + rows).joined(separator: "\n") + "\n" }
        do {
            _ = try store.importEvents(try EventFile.csv(csv(broken)), resolvers: HistoricalResolvers(store: store))
            Issue.record("bad rows must stop the import")
        } catch let error as DatasetError {
            #expect(error.problems.map { $0.prefix(11) } == ["line 5: the", "line 19002:"])
        }
        #expect(try store.events(EventQuery()).isEmpty, "nothing stored")

        // Imported into an empty table (indexes rebuilt), then once more (indexes grown row by row).
        rows.removeLast(rows.count - 18_000)
        _ = try store.importEvents(try EventFile.csv(csv(rows)), resolvers: HistoricalResolvers(store: store))
        _ = try store.importEvents(try EventFile.csv(csv(rows.prefix(500).map { $0 + "-again" })), resolvers: HistoricalResolvers(store: store))
        let indexes = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
        }
        #expect(indexes == EventIndexes.all.map(\.name).sorted() && indexes.contains("events_source_key"))
        let all = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, lon, lat FROM events ORDER BY id").map { (id: $0[0] as Int64, point: Coordinate($0[1], $0[2])) }
        }
        #expect(all.count == 18_500 && all.last?.id == 18_500, "ids follow the files' order")
        var random = SplitMix64(seed: 31)
        for _ in 0..<20 {
            let x = 119.60 + random.unit() * 0.25, y = 28.20 + random.unit() * 0.15
            let box = BoundingBox(minX: x, minY: y, maxX: x + random.unit() * 0.08, maxY: y + random.unit() * 0.05)
            var query = EventQuery()
            query.bbox = box
            query.limit = 20_000
            #expect(try store.events(query).map(\.id) == all.filter { box.contains($0.point) }.map(\.id))
        }
    }

    /// Routing and people as version 5 stored them with each event.
    static func routing(_ platform: String) -> String {
        #"{"assisting":[],"category":{"code":"c","name":"类"},"lead":"组长","model":"2022","place":"everywhere","platform":{"code":"\#(platform)","name":"平台"},"rule":"c"}"#
    }
    static let person = #"[{"name":"甲","phone":"13800000000","post":"A","role":"网格员","unit":"331102102001001"}]"#

    @Test func version5DatabasesMoveTheirSnapshotsToSharedRows() throws {
        let path = try Fixtures.scratchDirectory().appendingPathComponent("v5.sqlite").path
        let pool = try DatabasePool(path: path, configuration: SpatiaLiteConnection.configuration())
        let migrator = Schema.migrator()
        try migrator.migrate(pool, upTo: "v5: event points in lon/lat columns with a plain R*Tree")
        try pool.write { db in
            for (i, routing, people) in [(1, Self.routing("A"), "[]"), (2, Self.routing("B"), "[]"), (3, Self.routing("A"), Self.person)] {
                try db.execute(sql: """
                    INSERT INTO events (id, category_code, description, input_x, input_y, crs, reported_at, source, reporter,
                        platform_code, routing, people, status, lon, lat)
                    VALUES (?, 'c', 'd', 119.7, 28.3, 'wgs84', '2025-01-01T00:00:00.000Z', 'app', 'r', 'P', ?, ?, 'received', 119.7, 28.3)
                    """, arguments: [i, routing, people])
            }
        }
        try pool.close()
        let store = try SpatiaLiteStore(path: path)
        let migrated = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.json AS routing, p.json AS people FROM events e
                JOIN event_snapshots r ON r.id = e.routing_id JOIN event_snapshots p ON p.id = e.people_id ORDER BY e.id
                """).map { "\($0["routing"] as String) \($0["people"] as String)" }
        }
        #expect(migrated == ["\(Self.routing("A")) []", "\(Self.routing("B")) []", "\(Self.routing("A")) \(Self.person)"])
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event_snapshots") } == 4)
        var query = EventQuery()
        query.bbox = BoundingBox(minX: 119.69, minY: 28.29, maxX: 119.71, maxY: 28.31)
        let events = try store.events(query)
        #expect(events.map(\.id) == [1, 2, 3])
        #expect(events.map(\.routing.platform.code) == ["A", "B", "A"] && events[2].people.map(\.name) == ["甲"])
    }

    @Test func geoJSONFilesImportLikeCSV() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let point = #"{"type":"Feature","geometry":{"type":"Point","coordinates":[119.72,28.27]},"properties":{"category":"party","description":"x","crs":"wgs84","reported_at":"2025-06-01T08:00:00+08:00","source":"patrol","reporter":"乙","status":"resolved","closed_at":"2025-06-02T00:00:00Z"}}"#
        let line = #"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[119.72,28.27],[119.73,28.28]]},"properties":{}}"#
        do {
            _ = try EventFile.geoJSON(Data(#"{"type":"FeatureCollection","features":[\#(point),\#(line)]}"#.utf8))
            Issue.record("a LineString feature must be rejected")
        } catch let error as DatasetError {
            #expect(error.problems == ["feature 1: geometry must be a Point"])
        }
        let events = try EventFile.geoJSON(Data(#"{"type":"FeatureCollection","features":[\#(point)]}"#.utf8))
        _ = try store.importEvents(events, resolvers: HistoricalResolvers(store: store))
        let stored = try #require(try store.events(EventQuery()).first)
        #expect(stored.status == .resolved && stored.closedAt == "2025-06-02T00:00:00.000Z")
        #expect(stored.gridCode == (try SQLReference(store).gridsCovering([stored.point])[0].first))
        let history = try #require(try store.event(stored.id)?.history)
        #expect(history.map(\.action) == ["imported"] && history[0].to == .resolved && history[0].seq == 1)
    }
}
