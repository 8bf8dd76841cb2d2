import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Density maps over HTTP, checked against SpatiaLite SQL over the sample year of 大港头镇.
@Suite struct DensityAPITests {
    let store: SpatiaLiteStore

    init() throws {
        store = try Fixtures.storeWithEvents(["dagangtou"])
    }

    func withServer(_ body: @Sendable (_ get: (String) async throws -> (HTTPResponse.Status, JSONValue)) async throws -> Void) async throws {
        let app = try GridMapServer.application(store: store, port: 0, access: AccessPolicy(publicReads: true), reloadInterval: .seconds(60))
        try await app.test(.live) { client in
            try await body { uri in
                try await client.execute(uri: uri, method: .get) { ($0.status, try JSONValue.parse(Data(buffer: $0.body))) }
            }
        }
    }

    static let period = "from=2025-04-01T00:00:00Z&to=2025-07-01T00:00:00Z"

    func sqlCount(_ condition: String) throws -> Int {
        try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE reported_at >= ? AND reported_at < ? AND \(condition)",
                             arguments: ["2025-04-01T00:00:00.000Z", "2025-07-01T00:00:00.000Z"])!
        }
    }

    /// Current grid areas in km² by SpatiaLite (PROJ through ST_Transform to EPSG:4549).
    func gridAreas() throws -> [String: Double] {
        try store.pool.write { db in
            try db.execute(sql: "SELECT InsertEpsgSrid(4549)")
            return try Row.fetchAll(db, sql: """
                SELECT code, ST_Area(ST_Transform(geometry, 4549)) / 1e6 AS km2 FROM grid_boundaries WHERE valid_to IS NULL
                """).reduce(into: [String: Double]()) { $0[$1["code"]] = $1["km2"] }
        }
    }

    /// Fire events of a grid in the 91 days before the period.
    func previousFireCount(grid: String) throws -> Int {
        try store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM events WHERE reported_at >= '2024-12-31T00:00:00.000Z'
                AND reported_at < '2025-04-01T00:00:00.000Z' AND (category_code = 'fire' OR category_code LIKE 'fire.%') AND grid_code = ?
                """, arguments: [grid])!
        }
    }

    @Test func gridsCarryCountsAreasChangeAndClasses() async throws {
        try await withServer { get in
            let (status, body) = try await get("/v1/density/grids?\(Self.period)&category=fire&classes=4&method=quantile")
            #expect(status == .ok)
            let features = try #require(body["features"]?.array)
            let grids = try gridAreas()
            #expect(features.count == grids.count, "every current grid, with or without events")
            let counted = features.reduce(0) { $0 + Int($1["properties"]!["count"]!.number!) }
            #expect(counted == (try sqlCount("(category_code = 'fire' OR category_code LIKE 'fire.%')")) && counted > 0)
            let bounds = (body["classification"]?["upper_bounds"]?.array ?? []).compactMap { $0.number }
            for feature in features {
                let p = try #require(feature["properties"])
                let code = try #require(p["code"]?.string), count = try #require(p["count"]?.number)
                #expect(feature["id"]?.string == code)
                #expect(try sqlCount("(category_code = 'fire' OR category_code LIKE 'fire.%') AND grid_code = '\(code)'") == Int(count))
                let area = try #require(p["area_km2"]?.number)
                #expect(abs(area - grids[code]!) < 0.002, "area of \(code) agrees with SpatiaLite's ST_Transform/ST_Area")
                #expect(abs(p["per_km2"]!.number! - count / area) < 0.01 * max(1, count / area))
                let previous = try previousFireCount(grid: code)
                #expect(p["previous_count"]?.number == Double(previous) && p["change"]?.number == count - Double(previous))
                let perKm2 = p["per_km2"]!.number!, klass = Int(p["class"]!.number!)
                #expect(perKm2 <= bounds[klass - 1] + 0.001 && (klass == 1 || perKm2 > bounds[klass - 2] - 0.001))
            }
            #expect(body["previous_period"]?["from"] == .string("2024-12-31T00:00:00.000Z"))

            let (_, villages) = try await get("/v1/density/villages?\(Self.period)")
            let (_, towns) = try await get("/v1/density/towns?\(Self.period)")
            let villageTotal = villages["features"]!.array!.reduce(0) { $0 + $1["properties"]!["count"]!.number! }
            #expect(villageTotal == Double(try sqlCount("1")))
            #expect(towns["features"]?.array?.first?["properties"]?["count"]?.number == villageTotal)
        }
    }

    @Test func withoutGeometryTheSameUnitsAndClasses() async throws {
        try await withServer { get in
            let (_, full) = try await get("/v1/density/grids?\(Self.period)&classes=4")
            let (status, bare) = try await get("/v1/density/grids?\(Self.period)&classes=4&geometry=none")
            #expect(status == .ok)
            let fullFeatures = try #require(full["features"]?.array), bareFeatures = try #require(bare["features"]?.array)
            #expect(fullFeatures.count == (try gridAreas().count) && bareFeatures.count == fullFeatures.count)
            #expect(fullFeatures.allSatisfy { $0["geometry"]?["type"]?.string == "MultiPolygon" })
            #expect(bareFeatures.allSatisfy { $0["geometry"] == .null && $0["type"]?.string == "Feature" })
            #expect(bareFeatures.map { $0["id"] } == fullFeatures.map { $0["id"] })
            #expect(bareFeatures.map { $0["properties"] } == fullFeatures.map { $0["properties"] })
            #expect(bare["classification"] == full["classification"])
        }
    }

    @Test(arguments: ["hex", "square"]) func binsAreStableAndCountEveryEvent(shape: String) async throws {
        try await withServer { get in
            let (status, all) = try await get("/v1/density/\(shape)?size=300&\(Self.period)")
            #expect(status == .ok)
            let features = try #require(all["features"]?.array)
            #expect(features.reduce(0) { $0 + Int($1["properties"]!["count"]!.number!) } == (try sqlCount("1")))
            let ids = features.compactMap { $0["id"]?.string }
            #expect(Set(ids).count == ids.count && ids.allSatisfy { $0.hasPrefix("\(shape)-300-4549-") })
            // A smaller box gets the same bins, with the same ids, for the events inside it.
            let (_, part) = try await get("/v1/density/\(shape)?size=300&\(Self.period)&bbox=119.70,28.25,119.76,28.30")
            let partIDs = try #require(part["features"]?.array?.compactMap { $0["id"]?.string })
            #expect(!partIDs.isEmpty && Set(partIDs).isSubset(of: Set(ids)))
            #expect(part["features"]!.array!.reduce(0) { $0 + Int($1["properties"]!["count"]!.number!) }
                    == (try sqlCount("lon BETWEEN 119.70 AND 119.76 AND lat BETWEEN 28.25 AND 28.30")))
            // Each bin's polygon holds its events: the SQL count of events inside it matches.
            for feature in features.prefix(25) {
                let ring = try #require(feature["geometry"]?["coordinates"]?.array?.first?.array)
                let wkt = "POLYGON((" + ring.map { "\($0.array![0].number!) \($0.array![1].number!)" }.joined(separator: ",") + "))"
                let inside = try sqlCount("ST_Covers(GeomFromText('\(wkt)', 4326), MakePoint(lon, lat, 4326)) = 1")
                #expect(abs(inside - Int(feature["properties"]!["count"]!.number!)) <= 1, "\(feature["id"]!)")
            }
        }
    }

    /// Validity of a GeoJSON geometry, and the area of `inner` outside `outer`, by SpatiaLite.
    func checkBands(_ outer: String, _ inner: String) throws -> (valid: Bool, outside: Double) {
        try store.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT ST_IsValid(GeomFromGeoJSON(:inner)), ST_Area(ST_Difference(GeomFromGeoJSON(:inner), GeomFromGeoJSON(:outer)))
                """, arguments: ["inner": inner, "outer": outer])!
            return (row[0] == 1, (row[1] as Double?) ?? 0)
        }
    }

    @Test func kernelDensityIntegratesToTheEventsInNestedValidBands() async throws {
        try await withServer { get in
            let (status, body) = try await get("/v1/density/kde?\(Self.period)&bandwidth=400&cell=50&levels=4")
            #expect(status == .ok)
            let events = try sqlCount("1")
            #expect(body["events"]?.number == Double(events))
            #expect(abs((body["kernel"]?["integral"]?.number ?? 0) / Double(events) - 1) < 0.01)
            let bands = try #require(body["features"]?.array)
            #expect(bands.count == 4)
            let geometries = bands.map { $0["geometry"]!.text }
            var previous: String?
            for (i, geometry) in geometries.enumerated() {
                let check = try checkBands(previous ?? geometry, geometry)
                #expect(check.valid, "band \(i + 1) is valid")
                #expect(check.outside < 1e-10, "band \(i + 1) lies inside band \(i)")
                previous = geometry
            }
            let thresholds = bands.compactMap { $0["properties"]?["threshold_per_km2"]?.number }
            #expect(thresholds == thresholds.sorted() && thresholds.count == 4)
            let (tooFine, error) = try await get("/v1/density/kde?\(Self.period)&bandwidth=10000&cell=5")
            #expect(tooFine == .badRequest && error["detail"]?.string?.contains("bandwidth") == true, "\(error)")
        }
    }

    @Test func pointsClusterBeyondTheLimitAndBadParametersAreNamed() async throws {
        try await withServer { get in
            let total = try sqlCount("1")
            let (_, points) = try await get("/v1/density/points?\(Self.period)&limit=100000")
            #expect(points["features"]?.array?.count == total && points["cluster_size_m"] == .null)
            let (_, clustered) = try await get("/v1/density/points?\(Self.period)&limit=50")
            let weights = try #require(clustered["features"]?.array?.compactMap { $0["properties"]?["weight"]?.number })
            #expect(weights.count <= 50 && Int(weights.reduce(0, +)) == total && clustered["cluster_size_m"]?.number != nil)
            for (uri, problem) in [("/v1/density/hex?size=1", "'size'"), ("/v1/density/grids?method=natural", "'method'"),
                                   ("/v1/density/villages?geometry=simple", "'geometry'"),
                                   ("/v1/density/grids?from=2025-02-01&to=2025-01-01", "'from'"),
                                   ("/v1/density/points?limit=0", "'limit'"), ("/v1/density/square?bbox=1,2,3", "'bbox'"),
                                   ("/v1/density/towns?status=done", "'status'")] {
                let (status, error) = try await get(uri)
                #expect(status == .badRequest, "\(uri)")
                #expect(error["detail"]?.string?.contains(problem) == true, "\(uri): \(error)")
            }
        }
    }
}
