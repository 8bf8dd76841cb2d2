import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite
import GridMapTestSupport
import GridMapTiles
import Hummingbird
import HummingbirdTesting
import Testing

/// Vector tiles over HTTP: bytes, caching headers, compression, TileJSON and errors.
@Suite struct TilesAPITests {
    let store: SpatiaLiteStore

    init() throws {
        store = try Fixtures.storeWithEvents(["dagangtou"])
    }

    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: [UInt8]
    }

    func withServer(_ body: @Sendable (_ get: (String, HTTPFields) async throws -> Answer) async throws -> Void) async throws {
        let app = try GridMapServer.application(store: store, port: 0, access: AccessPolicy(publicReads: true), reloadInterval: .seconds(60))
        try await app.test(.live) { client in
            try await body { uri, headers in
                try await client.execute(uri: uri, method: .get, headers: headers) {
                    Answer(status: $0.status, headers: $0.headers, body: Array(buffer: $0.body))
                }
            }
        }
    }

    @Test func tilesAreTheRenderedLayerWithETagsAndGzip() async throws {
        let period = "from=2025-01-01&to=2026-01-01"
        let tile = try TileID(z: 14, x: 13_640, y: 6_849)
        let snapshot = try store.snapshot()
        var filter = EventFilter(from: "2025-01-01", to: "2026-01-01")
        filter.category = "fire"
        let expected = try TileRenderer(sources: TileSources(snapshot: snapshot, facts: try store.eventFactsTable(), filter: filter,
                                                             gridAreas: [:]), layers: [.events]).tile(at: tile).encoded()
        try await withServer { get in
            let plain = try await get("/tiles/events/14/13640/6849.mvt?\(period)&category=fire", [:])
            #expect(plain.status == .ok && plain.headers[.contentType] == "application/vnd.mapbox-vector-tile")
            #expect(plain.body == expected && !expected.isEmpty)
            let etag = try #require(plain.headers[.eTag])
            #expect(plain.headers[.cacheControl] != nil)
            let again = try await get("/tiles/events/14/13640/6849.mvt?\(period)&category=fire", [.ifNoneMatch: etag])
            #expect(again.status == .notModified && again.body.isEmpty)
            let other = try await get("/tiles/events/14/13640/6849.mvt?\(period)", [.ifNoneMatch: etag])
            #expect(other.status == .ok && other.headers[.eTag] != etag, "another filter is another tile")

            let zipped = try await get("/tiles/grids/14/13640/6849.mvt", [.acceptEncoding: "gzip, deflate"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            let grids = try await get("/tiles/grids/14/13640/6849.mvt", [:])
            #expect(try Self.gunzip(zipped.body) == grids.body && !grids.body.isEmpty)

            let document = try await get("/tiles/density-hex.json?\(period)", [:])
            let json = try JSONValue.parse(Data(document.body))
            #expect(json["tilejson"] == .string("3.0.0") && json["vector_layers"]?.array?.first?["id"] == .string("density-hex"))
            #expect(json["tiles"]?.array?.first?.string?.hasSuffix("/tiles/density-hex/{z}/{x}/{y}.mvt?\(period)") == true)
            #expect(json["bounds"]?.array?.count == 4)

            for (uri, status) in [("/tiles/roads/1/0/0.mvt", HTTPResponse.Status.notFound), ("/tiles/grids/25/0/0.mvt", .badRequest),
                                  ("/tiles/grids/2/4/0.mvt", .badRequest), ("/tiles/grids/1/0/0.png", .badRequest),
                                  ("/tiles/roads.json", .notFound), ("/tiles/events/3/1/1.mvt?from=x", .badRequest)] {
                let answer = try await get(uri, [:])
                #expect(answer.status == status, "\(uri)")
                #expect((try? JSONValue.parse(Data(answer.body)))?["detail"]?.string?.isEmpty == false, "\(uri)")
            }
        }
    }

    @Test func gridScoresAreTheAssessmentsOnTheGrids() async throws {
        let tile = try TileID(z: 11, x: 1_705, y: 855)
        let snapshot = try store.snapshot()
        try await withServer { get in
            let json = try JSONValue.parse(Data(try await get("/v1/assessments?period=2025-11&subject=grid", [:]).body))
            var scores: [String: (score: Double, rank: Int)] = [:]
            for subject in json["subjects"]?.array ?? [] {
                if let code = subject["code"]?.string, let score = subject["score"]?.number, let rank = subject["rank"]?.number {
                    scores[code] = (score, Int(rank))
                }
            }
            #expect(scores.count == 65)
            let expected = try TileRenderer(sources: TileSources(snapshot: snapshot, facts: try store.eventFactsTable(),
                                                                 filter: EventFilter(from: "2025-01-01", to: "2026-01-01"), gridAreas: [:],
                                                                 gridScores: scores), layers: [.gridScores]).tile(at: tile).encoded()
            let answer = try await get("/tiles/grid-scores/11/1705/855.mvt?period=2025-11", [:])
            #expect(answer.status == .ok && answer.body == expected && expected.count > 1_000, "the API's scores on the grids")
            let missing = try await get("/tiles/grid-scores/11/1705/855.mvt", [:])
            #expect(missing.status == .badRequest)
            let document = try JSONValue.parse(Data(try await get("/tiles/grid-scores.json?period=2025-11", [:]).body))
            #expect(document["vector_layers"]?.array?.first?["fields"]?["score"] == .string("Number"))
        }
    }

    private static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        Array(try ExternalTool.run("/bin/gzip", ["-dc"], input: bytes))
    }
}
