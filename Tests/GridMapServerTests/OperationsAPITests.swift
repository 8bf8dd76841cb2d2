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

/// 联合执法 over HTTP on loopback: an operation's area resolves to exactly the grids GDAL's
/// SpatiaLite finds with ST_Intersects, grids of named villages are the villages' grids in SQL,
/// bad operations are refused by name with nothing stored, and the list filters by period,
/// office and grid.
@Suite struct OperationsAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func withServer(_ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), bytes: { ByteBuffer(string: $0) }, body)
    }

    /// A triangle over part of the town: its bounding box holds grids it misses.
    static let triangle: [(Double, Double)] = [(119.70, 28.25), (119.75, 28.25), (119.70, 28.30), (119.70, 28.25)]
    static var triangleGeoJSON: String {
        #"{"type":"Polygon","coordinates":[["# + triangle.map { "[\($0.0),\($0.1)]" }.joined(separator: ",") + "]]}"
    }
    static var triangleWKT: String { "POLYGON((" + triangle.map { "\($0.0) \($0.1)" }.joined(separator: ",") + "))" }

    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    func storedOperations() throws -> Int {
        try store.syncRead { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM operations") ?? 0 }
    }

    @Test func anAreaResolvesToTheGridsItIntersectsAndTheListFilters() async throws {
        let oracle = try ExportSample.sql("""
            SELECT code FROM grid_boundaries WHERE valid_to IS NULL AND ST_Intersects(geometry, GeomFromText('\(Self.triangleWKT)', 4326)) = 1
            """, store).compactMap { $0["code"] }.sorted()
        let boxed = try ExportSample.sql("""
            SELECT code FROM grid_boundaries WHERE valid_to IS NULL AND ST_Intersects(geometry, BuildMbr(119.70, 28.25, 119.75, 28.30, 4326)) = 1
            """, store).count
        #expect(!oracle.isEmpty && boxed > oracle.count, "the triangle misses grids of its box")
        try await withServer { send in
            let (_, event) = try await send(.post, "/v1/events", TasksAPITests.labour)
            let eventID = Int(try #require(event["id"]?.number))
            let body = #"{"title":"夜间联合整治","offices":["派出所","综合行政执法队"],"area":\#(Self.triangleGeoJSON),"#
                + #""start":"2026-03-01","end":"2026-03-02","events":[\#(eventID)],"outcome":"查处3起","notes":"王队长带队"}"#
            let (created, operation) = try await send(.post, "/v1/operations", body)
            #expect(created == .created)
            #expect(operation["grids"]?.array?.compactMap(\.string) == oracle)
            #expect(operation["start"] == .string("2026-02-28T16:00:00.000Z") && operation["end"] == .string("2026-03-02T16:00:00.000Z"))
            #expect(operation["events"] == .array([.number(Double(eventID))]) && operation["town"] == .string("331102102000"))
            #expect(operation["area"]?["type"] == .string("MultiPolygon"))
            let id = Int(try #require(operation["id"]?.number))

            let (_, byOffice) = try await send(.get, "/v1/operations?office=\(Self.encoded("派出所"))", nil)
            #expect(byOffice["operations"]?.array?.count == 1)
            let (_, otherOffice) = try await send(.get, "/v1/operations?office=\(Self.encoded("司法所"))", nil)
            #expect(otherOffice["operations"]?.array?.isEmpty == true)
            let (_, byGrid) = try await send(.get, "/v1/operations?grid=\(oracle[0])", nil)
            #expect(byGrid["operations"]?.array?.count == 1)
            let (_, later) = try await send(.get, "/v1/operations?from=2026-03-03", nil)
            #expect(later["operations"]?.array?.isEmpty == true)
            let (_, overlapping) = try await send(.get, "/v1/operations?from=2026-03-02&to=2026-03-05", nil)
            #expect(overlapping["operations"]?.array?.count == 1)
            let (_, features) = try await send(.get, "/v1/operations?format=geojson", nil)
            #expect(features["type"] == .string("FeatureCollection") && features["features"]?.array?.count == 1)
            let (_, anonymous) = try await send(.get, "/v1/operations/\(id)", nil, token: nil)
            #expect(anonymous["notes"] == .null && anonymous["outcome"] == .null && anonymous["recorded_by"]?.string?.hasSuffix("*") == true)
            let (missing, _) = try await send(.get, "/v1/operations/999", nil)
            #expect(missing == .notFound)
        }
    }

    @Test func villagesAndGridsResolveToTheirGrids() async throws {
        let village = try #require(try store.syncRead { db in try String.fetchOne(db, sql: "SELECT code FROM villages ORDER BY code LIMIT 1") })
        let grids = try store.syncRead { db in
            try String.fetchAll(db, sql: "SELECT code FROM grids WHERE village_code = ? ORDER BY code", arguments: [village])
        }
        try await withServer { send in
            let (created, operation) = try await send(.post, "/v1/operations",
                #"{"title":"消防检查","offices":["应急管理站","派出所"],"villages":["\#(village)"],"start":"2026-03-01","end":"2026-03-01"}"#)
            #expect(created == .created && operation["grids"]?.array?.compactMap(\.string) == grids)
            #expect(operation["area_kind"] == .string("villages") && operation["villages"] == .array([.string(village)]))
            let (byGrids, named) = try await send(.post, "/v1/operations",
                #"{"title":"x","offices":["应急管理站","派出所"],"grids":["\#(grids[0])"],"start":"2026-03-01","end":"2026-03-01"}"#)
            #expect(byGrids == .created && named["grids"] == .array([.string(grids[0])]))
        }
    }

    @Test func badOperationsAreRefusedByNameAndNothingIsStored() async throws {
        try await withServer { send in
            let start = #""start":"2026-03-01","end":"2026-03-01""#
            let cases: [(String, String)] = [
                (#"{"title":"x","offices":["派出所","司法所"],\#(start)}"#, "missing_field"),
                (#"{"title":"x","offices":["派出所","司法所"],"grids":["x"],"villages":["y"],\#(start)}"#, "invalid_field"),
                (#"{"title":"x","offices":["派出所","司法所"],"grids":["331102102999999"],\#(start)}"#, "unknown_unit"),
                (#"{"title":"x","offices":["派出所"],"area":\#(Self.triangleGeoJSON),\#(start)}"#, "invalid_field"),
                (#"{"title":"x","offices":["派出所","月球办"],"area":\#(Self.triangleGeoJSON),\#(start)}"#, "unknown_office"),
                (#"{"title":"x","offices":["派出所","司法所"],"area":{"type":"Polygon","coordinates":[[[119,28],[119.1,28],[119,28.1]]]},\#(start)}"#, "invalid_geometry"),
                (#"{"title":"x","offices":["派出所","司法所"],"area":{"type":"Polygon","coordinates":[[[10,10],[10.1,10],[10,10.1],[10,10]]]},\#(start)}"#, "invalid_field"),
                (#"{"title":"x","offices":["派出所","司法所"],"area":{"type":"Polygon","coordinates":[[[119.70,28.25],[119.75,28.30],[119.75,28.25],[119.70,28.30],[119.70,28.25]]]},\#(start)}"#, "invalid_geometry"),
                (#"{"title":"x","offices":["派出所","司法所"],"area":{"type":"Polygon","coordinates":[[[190,10],[10.1,10],[10,10.1],[190,10]]]},\#(start)}"#, "invalid_geometry"),
                (#"{"title":"x","offices":["派出所","司法所"],"area":\#(Self.triangleGeoJSON),"start":"2026-03-02","end":"2026-02-28"}"#, "invalid_field"),
                (#"{"title":"x","offices":["派出所","司法所"],"area":\#(Self.triangleGeoJSON),"events":[424242],\#(start)}"#, "unknown_event"),
                (#"{"title":"x","offices":["派出所","司法所"],"area":\#(Self.triangleGeoJSON),"start":"soon","end":"2026-03-01"}"#, "invalid_field"),
                (#"{"title":"x","offices":["派出所","司法所"],"area":\#(Self.triangleGeoJSON),"start":1e999,"end":"2026-03-01"}"#, "malformed_body"),
            ]
            for (body, code) in cases {
                let (status, answer) = try await send(.post, "/v1/operations", body)
                #expect(status == .badRequest && answer["error"] == .string(code), "\(body) → \(status) \(answer)")
            }
            #expect(try storedOperations() == 0)
        }
    }
}
