import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTTP API over real HTTP on loopback, against a real SpatiaLite store; answers are checked
/// against SpatiaLite's own ST_Covers.
@Suite struct ResolveAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func app(limits: ServerLimits = ServerLimits()) throws -> some ApplicationProtocol {
        try GridMapServer.application(store: store, port: 0, limits: limits, access: AccessPolicy(publicReads: true),
                                      reloadInterval: .milliseconds(50))
    }

    /// The response body as a JSON object (empty, and a recorded issue, when it is not one).
    /// Parsed with `JSONDecoder` (exact numbers), not `JSONSerialization` (inexact on Linux).
    func json(_ buffer: ByteBuffer) -> [String: Any] {
        guard let object = (try? JSONValue.parse(Data(buffer: buffer)))?.foundationObject as? [String: Any] else {
            Issue.record("response body is not a JSON object: \(String(buffer: buffer).prefix(200))")
            return [:]
        }
        return object
    }

    /// A point strictly inside some grid, and the grid's code by SQL.
    func interiorPoint() throws -> (Coordinate, String) {
        let p = Coordinate(119.72, 28.27)
        let codes = try SQLReference(store).gridsCovering([p])[0]
        try #require(codes.count == 1)
        return (p, codes[0])
    }

    @Test func getResolvesWithHierarchyAndPeople() async throws {
        let (p, code) = try interiorPoint()
        try await app().test(.live) { client in
            try await client.execute(uri: "/v1/resolve?lon=\(p.x)&lat=\(p.y)", method: .get) { response in
                #expect(response.status == .ok)
                let body = json(response.body)
                #expect((body["grid"] as? [String: Any])?["code"] as? String == code)
                #expect((body["village"] as? [String: Any])?["code"] as? String == String(code.prefix(12)))
                #expect((body["town"] as? [String: Any])?["code"] as? String == "331102102000")
                let roles = (body["people"] as? [[String: Any]])?.compactMap { $0["role"] as? String } ?? []
                #expect(Set(roles) == ["网格员", "村干部", "联村干部"])
                #expect(body["on_boundary"] as? Bool == false)
                #expect(body["candidates"] as? [String] == [code])
                #expect(body["point"] as? [Double] == [p.x, p.y])
            }
        }
    }

    @Test(arguments: [CoordinateSystem.gcj02, .bd09])
    func phoneCoordinatesAreConvertedBeforeResolving(crs: CoordinateSystem) async throws {
        let (p, code) = try interiorPoint()
        let shifted = crs.fromWGS84(p)
        try await app().test(.live) { client in
            try await client.execute(uri: "/v1/resolve?lon=\(shifted.x)&lat=\(shifted.y)&crs=\(crs.rawValue)", method: .get) { response in
                let body = json(response.body)
                #expect((body["grid"] as? [String: Any])?["code"] as? String == code)
                let used = try #require(body["point"] as? [Double])
                #expect(LocalMetric(latitude: p.y).distance(p, Coordinate(used[0], used[1])) < 0.5)
            }
        }
    }

    @Test func sharedVertexAndOutsidePoints() async throws {
        let snapshot = try store.snapshot()
        let a = Set(snapshot.grids[0].geometry.rings.flatMap { $0 })
        let shared = try #require(snapshot.grids.dropFirst().lazy.flatMap { $0.geometry.rings.flatMap { $0 } }.first { a.contains($0) })
        let expected = try SQLReference(store).gridsCovering([shared])[0]
        try await app().test(.live) { client in
            try await client.execute(uri: "/v1/resolve?lon=\(shared.x)&lat=\(shared.y)", method: .get) { response in
                let body = json(response.body)
                #expect(body["on_boundary"] as? Bool == true)
                #expect(body["candidates"] as? [String] == expected)
                #expect((body["grid"] as? [String: Any])?["code"] as? String == expected.min())
            }
            try await client.execute(uri: "/v1/resolve?lon=119.9&lat=28.27", method: .get) { response in
                let body = json(response.body)
                #expect(body["grid"] is NSNull)
                let nearest = try #require(body["nearest"] as? [String: Any])
                #expect((nearest["distance_m"] as? Double ?? 0) > 1_000)
                #expect((nearest["code"] as? String)?.hasPrefix("331102102") == true)
            }
        }
    }

    @Test func badInputGets400NamingTheProblem() async throws {
        let cases: [(String, String)] = [
            ("/v1/resolve?lat=28.27", "missing_parameter"),
            ("/v1/resolve?lon=abc&lat=28.27", "invalid_number"),
            ("/v1/resolve?lon=nan&lat=28.27", "invalid_coordinate"),
            ("/v1/resolve?lon=inf&lat=28.27", "invalid_coordinate"),
            ("/v1/resolve?lon=28.27&lat=119.72", "lat_lon_swapped"),
            ("/v1/resolve?lon=119.72&lat=28.27&crs=epsg3857", "unknown_crs"),
        ]
        try await app().test(.live) { client in
            for (uri, code) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let body = json(response.body)
                    #expect(body["error"] as? String == code, "\(uri): \(body)")
                    #expect((body["detail"] as? String)?.isEmpty == false)
                }
            }
            // A point in range but meaningful only swapped: lon 28.27 lat 119.72 is out of range;
            // this one is in range both ways.
            try await client.execute(uri: "/v1/resolve?lon=28.27&lat=60", method: .get) { response in
                #expect(response.status == .ok, "far from the data but not swappable into it: resolved (grid null)")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(json(response.body)["status"] as? String == "ok")
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(json(response.body)["error"] as? String == "not_found")
            }
        }
    }

    @Test func postResolvesManyPointsInOrderLikeSQL() async throws {
        var random = SplitMix64(seed: 11)
        let points = (0..<3_000).map { _ in Coordinate(119.63 + random.unit() * 0.18, 28.22 + random.unit() * 0.10) }
            + Array(try store.snapshot().grids[3].geometry.rings[0].prefix(50))
        let expected = try SQLReference(store).gridsCovering(points)
        let body = "{\"crs\":\"wgs84\",\"points\":[" + points.map { "[\($0.x),\($0.y)]" }.joined(separator: ",") + "]}"
        try await app().test(.live) { client in
            try await client.execute(uri: "/v1/resolve", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let results = try #require(json(response.body)["results"] as? [[String: Any]])
                #expect(results.count == points.count)
                for (i, result) in results.enumerated() {
                    let grid = (result["grid"] as? [String: Any])?["code"] as? String
                    #expect(grid == expected[i].min(), "point \(i)")
                    #expect(result["candidates"] as? [String] == expected[i], "point \(i)")
                    #expect(result["input"] as? [Double] == [points[i].x, points[i].y])
                    #expect(result["people"] == nil)
                    if grid == nil { #expect(result["nearest"] is [String: Any]) }
                }
            }
        }
    }

    /// The bulk response is assembled from prerendered pieces and echoed request text; every
    /// result must equal what GET answers for the same point, in every crs.
    @Test(arguments: CoordinateSystem.allCases)
    func postResultsEqualGetResults(crs: CoordinateSystem) async throws {
        var random = SplitMix64(seed: 5)
        let wgs = (0..<60).map { _ in Coordinate(119.63 + random.unit() * 0.18, 28.22 + random.unit() * 0.10) }
            + Array(try store.snapshot().grids[7].geometry.rings[0].prefix(20))
            + [Coordinate(119.5, 28.1), Coordinate(119.95, 28.45), Coordinate(119.7, 28.5)]  // outside every grid
        let points = wgs.map(crs.fromWGS84)
        let body = "{\"crs\":\"\(crs.rawValue)\",\"points\":[" + points.map { "[\($0.x),\($0.y)]" }.joined(separator: ",") + "]}"
        try await app().test(.live) { client in
            let bulk = try await client.execute(uri: "/v1/resolve", method: .post, body: ByteBuffer(string: body)) {
                try #require(JSONValue.parse(Data(buffer: $0.body))["results"]?.array)
            }
            #expect(bulk.count == points.count)
            var onBoundary = 0
            for (i, p) in points.enumerated() {
                let single = try await client.execute(
                    uri: "/v1/resolve?lon=\(p.x)&lat=\(p.y)&crs=\(crs.rawValue)&people=false", method: .get) {
                    try JSONValue.parse(Data(buffer: $0.body))
                }
                #expect(bulk[i] == single, "point \(i): bulk \(bulk[i].text) ≠ single \(single.text)")
                if single["on_boundary"] == .bool(true) { onBoundary += 1 }
            }
            #expect(bulk.suffix(3).allSatisfy { $0["nearest"]?["distance_m"]?.number ?? 0 > 1_000 })
            if crs.keepsCoordinates {  // converted vertices are rarely exactly on the edge again
                #expect(onBoundary > 10, "vertices must exercise the shared-edge form")
            }
        }
    }

    @Test func postAcceptsGeoJSONAndPeopleOnRequest() async throws {
        let (p, code) = try interiorPoint()
        let gcj = CoordinateSystem.gcj02.fromWGS84(p)
        let body = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[\(gcj.x),\(gcj.y)]}}]}
            """
        try await app().test(.live) { client in
            try await client.execute(uri: "/v1/resolve?people=true&crs=gcj02", method: .post, body: ByteBuffer(string: body)) { response in
                let results = try #require(json(response.body)["results"] as? [[String: Any]])
                #expect((results[0]["grid"] as? [String: Any])?["code"] as? String == code)
                #expect((results[0]["people"] as? [Any])?.count == 3)
                #expect(results[0]["crs"] as? String == "gcj02")
            }
        }
    }

    static func featureCollection(_ positions: String...) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[" + positions.map {
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":\($0)}}"
        }.joined(separator: ",") + "]}"
    }

    /// 1e999 in a FeatureCollection is a 400 naming the feature, not a 500.
    @Test func postNamesTheFeatureWithAnOverflowingNumber() async throws {
        try await app().test(.live) { client in
            let body = Self.featureCollection("[119.72,28.27]", "[119.72,1e999]")
            try await client.execute(uri: "/v1/resolve", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                #expect(json(response.body)["detail"] as? String == "features[1].geometry.coordinates[1] must be a finite number")
            }
        }
    }

    @Test func postErrorsAndLimits() async throws {
        let cases: [(String, HTTPResponse.Status, String)] = [
            ("{\"points\":[[119.72,28.27],[119.7]]}", .badRequest, "malformed_body"),
            ("{\"points\":[[119.72,28.27]", .badRequest, "malformed_body"),
            ("not json", .badRequest, "malformed_body"),
            ("{\"pts\":[]}", .badRequest, "malformed_body"),
            ("{\"points\":[[119.72,28.27],[28.27,119.72]]}", .badRequest, "lat_lon_swapped"),
            ("{\"points\":[[119.72,1e400]]}", .badRequest, "malformed_body"),
            (Self.featureCollection("[119.72,28.27]", "[119.72,1e999]"), .badRequest, "malformed_body"),
            (Self.featureCollection("[119.72,28.27]", "[28.27,119.72]"), .badRequest, "lat_lon_swapped"),
            (Self.featureCollection("[119.72,28.27]", "[NaN,28.27]"), .badRequest, "malformed_body"),
            ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null}]}", .badRequest, "malformed_body"),
            (Self.featureCollection("[1,1]", "[2,2]", "[3,3]", "[4,4]", "[5,5]"), .contentTooLarge, "too_many_points"),
            ("{\"crs\":\"utm\",\"points\":[[119.72,28.27]]}", .badRequest, "unknown_crs"),
            ("{\"points\":[[1,1],[2,2],[3,3],[4,4],[5,5]]}", .contentTooLarge, "too_many_points"),
            ("{\"points\":[" + String(repeating: "[119.72,28.27],", count: 100) + "[1,1]]}", .contentTooLarge, "body_too_large"),
        ]
        try await app(limits: ServerLimits(maxPoints: 4, maxBodyBytes: 1_000)).test(.live) { client in
            for (body, status, code) in cases {
                try await client.execute(uri: "/v1/resolve", method: .post, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(body.prefix(60))")
                    #expect(json(response.body)["error"] as? String == code, "\(body.prefix(60))")
                }
            }
        }
    }

    @Test func boundaryChangesAreSwappedInWhileServing() async throws {
        let (p, code) = try interiorPoint()
        let directory = try Fixtures.editableCopy(of: "dagangtou")
        try Fixtures.editFeatures(directory, "grids.geojson") { features in
            features.removeAll { ($0["properties"] as? [String: Any])?["code"] as? String == code }
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("people.csv"))
        try await app().test(.live) { client in
            try await client.execute(uri: "/v1/resolve?lon=\(p.x)&lat=\(p.y)", method: .get) { response in
                #expect((json(response.body)["grid"] as? [String: Any])?["code"] as? String == code)
            }
            _ = try store.importDataset(at: directory, options: ImportOptions(validFrom: "2025-01-01"))
            var swapped = false
            for _ in 0..<100 where !swapped {
                try await Task.sleep(for: .milliseconds(50))
                try await client.execute(uri: "/v1/resolve?lon=\(p.x)&lat=\(p.y)", method: .get) { response in
                    swapped = json(response.body)["grid"] is NSNull
                }
            }
            #expect(swapped, "the retired grid must stop resolving once the index is swapped")
        }
    }
}

extension JSONValue {
    /// As Foundation values (`NSNull`, `Bool`, `Double`, `String`, arrays, dictionaries), for terse tests.
    var foundationObject: Any {
        switch self {
        case .null: NSNull()
        case .bool(let b): b
        case .number(let n): n
        case .string(let s): s
        case .array(let a): a.map(\.foundationObject)
        case .object(let o): o.mapValues(\.foundationObject)
        }
    }
}
