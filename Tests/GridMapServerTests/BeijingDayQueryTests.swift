import Foundation
import GRDB
import GridMapCore
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import Testing

/// A plain date in `from`/`to` is a Beijing day (00:00+08:00, `to` exclusive) for events, stats
/// and density alike, as for coverage.
@Suite struct BeijingDayQueryTests {
    @Test func aPlainDateIsABeijingDay() async throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let header = "category,description,lon,lat,crs,reported_at,source,reporter\n"
        let times = ["2024-12-31T23:30:00+08:00", "2025-01-01T00:30:00+08:00", "2025-01-01T23:59:00+08:00", "2025-01-02T00:00:00+08:00"]
        _ = try store.importEvents(try EventFile.csv(header + times.map { "fire.ebike,x,119.72,28.27,wgs84,\($0),app,甲\n" }.joined()),
                                   resolvers: HistoricalResolvers(store: store))
        let bySQL = try await store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM events WHERE reported_at >= '2024-12-31T16:00:00.000Z' AND reported_at < '2025-01-01T16:00:00.000Z'
                """)
        }
        #expect(bySQL == 2)
        try await LiveServer.run(store, bytes: { ByteBuffer(string: $0) }) { send in
            let (_, page) = try await send(.get, "/v1/events?format=geojson&from=2025-01-01&to=2025-01-02", nil)
            let reported = page["features"]?.array?.compactMap { $0["properties"]?["reported_at"]?.string }.sorted()
            #expect(reported == ["2024-12-31T16:30:00.000Z", "2025-01-01T15:59:00.000Z"])
            let (_, from) = try await send(.get, "/v1/events?format=geojson&from=2025-01-01", nil)
            #expect(from["features"]?.array?.count == 3, "from alone includes 00:30+08:00, excludes 23:30+08:00 the day before")
            let (_, stats) = try await send(.get, "/v1/stats?by=platform&from=2025-01-01&to=2025-01-02", nil)
            #expect(stats["groups"]?.array?.first?["received"] == .number(Double(try #require(bySQL))))
            let (_, zoneless) = try await send(.get, "/v1/events?format=geojson&from=2025-01-01%2000:30&to=2025-01-02", nil)
            #expect(zoneless["features"]?.array?.count == 2, "a time without a zone is Beijing time too")
            // OGC datetime: a date is the whole Beijing day, an interval's ends included.
            for (datetime, count) in [("2025-01-01", 2), ("2025-01-01/2025-01-01", 2), ("2025-01-01/2025-01-02", 3), ("../2024-12-31", 1)] {
                let (_, items) = try await send(.get, "/ogc/collections/events/items?limit=100&datetime=\(datetime)", nil)
                #expect(items["features"]?.array?.count == count, "\(datetime)")
            }
        }
    }
}
