import Foundation
import GRDB
import GridMapCore
@testable import GridMapStore
import GridMapTestSupport
import Testing

/// Bulk import of the shipped sample year, and statistics checked against SQL.
@Suite struct EventImportTests {
    @Test func theSampleYearImportsAndStatisticsAgreeWithSQL() throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let events = try EventFile.read(Fixtures.sample("dagangtou").appendingPathComponent("events.csv"))
        let summary = try store.importEvents(events, resolvers: HistoricalResolvers(store: store))
        #expect(summary.events == events.count && events.count > 3_000)
        #expect(Set(summary.platforms.keys) == ["DJTL", "JJST", "PAFZ", "GGFW"])

        let table = try store.eventStatsTable()
        let from = Timestamp.epochSeconds("2025-04-01T00:00:00.000Z")!, to = Timestamp.epochSeconds("2025-10-01T00:00:00.000Z")!
        let now = Timestamp.epochSeconds("2026-01-01T00:00:00.000Z")!
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
        let pafz = try #require(table.stats(by: .platform, from: 0, to: now, now: now).first { $0.key == "PAFZ" })
        #expect(abs(pafz.medianHours! - medianBySQL) < 0.001)

        // A refreshed table equals a fresh one after changes: a new event, a closed one, a supervised one.
        var refreshed = table
        let open = try #require(try store.events({ var q = EventQuery(); q.status = .inProgress; return q }()).first)
        _ = try store.transition(open.id, to: .resolved, actor: "x", note: nil, at: "2026-01-02T00:00:00.000Z")
        _ = try store.importEvents(try EventFile.csv("category,description,lon,lat,crs,reported_at,source,reporter\n"
            + "party,x,119.72,28.27,wgs84,2025-06-01T00:00:00Z,app,甲\n"), resolvers: HistoricalResolvers(store: store))
        try store.superviseOverdue(at: "2026-01-05T00:00:00.000Z")
        try store.refresh(&refreshed)
        let fresh = try store.eventStatsTable()
        #expect(refreshed.count == table.count + 1)
        for dimension in StatsDimension.allCases {
            #expect(refreshed.stats(by: dimension, from: 0, to: now, now: now) == fresh.stats(by: dimension, from: 0, to: now, now: now))
        }
        #expect(refreshed.stats(by: .town, from: 0, to: now, now: now) != table.stats(by: .town, from: 0, to: now, now: now))
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
        #expect(problems(header + good + good).isEmpty)
        #expect(try store.events(EventQuery()).count == 2)
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
        #expect(stored.gridCode == (try store.gridsCoveringBySQL([stored.point])[0].first))
        #expect(try store.event(stored.id)?.history.map(\.action) == ["received", "imported"])
    }
}
