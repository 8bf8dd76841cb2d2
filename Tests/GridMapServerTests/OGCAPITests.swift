import Foundation
import GridMapCore
import GridMapExport
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("OGC API - Features under /ogc")
struct OGCAPITests {
    private static func run(_ body: @Sendable (LiveServer.Call<String>, SpatiaLiteStore) async throws -> Void) async throws {
        let store = try ExportSample.store.get()
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), role: nil, bytes: { (_: String) in ByteBuffer() }) { call in
            try await body(call, store)
        }
    }

    @Test("landing page, conformance, OpenAPI document and collections with CRS84 extents")
    func documents() async throws {
        try await Self.run { call, store in
            let (status, landing) = try await call(.get, "/ogc", nil)
            #expect(status == .ok)
            let links = landing["links"]?.array ?? []
            let rels = Dictionary(links.map { ($0["rel"]?.string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            #expect(rels["service-desc"]?["type"]?.string == "application/vnd.oai.openapi+json;version=3.0")
            #expect(rels["conformance"] != nil && rels["data"] != nil && rels["self"] != nil)
            #expect(rels["data"]?["href"]?.string?.hasSuffix("/ogc/collections") == true)

            let (_, conformance) = try await call(.get, "/ogc/conformance", nil)
            let classes = Set((conformance["conformsTo"]?.array ?? []).compactMap(\.string))
            #expect(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"))
            #expect(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"))

            let (_, api) = try await call(.get, "/ogc/api", nil)
            #expect(api["openapi"]?.string?.hasPrefix("3.0") == true)
            let limit = (api["paths"]?["/collections/grids/items"]?["get"]?["parameters"]?.array ?? []).first { $0["name"]?.string == "limit" }
            #expect(limit?["schema"]?["maximum"]?.number == 10_000)

            let (_, collections) = try await call(.get, "/ogc/collections", nil)
            let list = collections["collections"]?.array ?? []
            #expect(list.compactMap { $0["id"]?.string } == ["towns", "villages", "grids", "events"])
            #expect(list.allSatisfy { $0["itemType"]?.string == "feature" })
            let grids = try #require(list.first { $0["id"]?.string == "grids" })
            let bbox = (grids["extent"]?["spatial"]?["bbox"]?.array?.first?.array ?? []).compactMap(\.number)
            let oracle = try ExportSample.sql("SELECT MbrMinX(e) AS x0, MbrMinY(e) AS y0, MbrMaxX(e) AS x1, MbrMaxY(e) AS y1 FROM (SELECT Extent(geometry) AS e FROM grid_boundaries WHERE valid_to IS NULL)", store)[0]
            for (value, key) in zip(bbox, ["x0", "y0", "x1", "y1"]) { #expect(abs(value - Double(oracle[key]!)!) < 1e-7) }
            #expect(grids["extent"]?["spatial"]?["crs"]?.string == "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
            let (_, events) = try await call(.get, "/ogc/collections/events", nil)
            #expect(events["extent"]?["temporal"]?["interval"]?.array?.first?.array?.count == 2)
        }
    }

    @Test("items: default limit 10, next links through every feature once, numberMatched and numberReturned")
    func paging() async throws {
        try await Self.run { call, store in
            let (_, first) = try await call(.get, "/ogc/collections/grids/items", nil)
            #expect(first["numberReturned"]?.number == 10)
            #expect(first["numberMatched"]?.number == 150)
            var codes: [String] = []
            var uri: String? = "/ogc/collections/grids/items?limit=40"
            while let next = uri {
                let (status, page) = try await call(.get, next, nil)
                #expect(status == .ok)
                let features = page["features"]?.array ?? []
                #expect(page["numberReturned"]?.number == Double(features.count))
                codes += features.compactMap { $0["id"]?.string }
                uri = (page["links"]?.array ?? []).first { $0["rel"]?.string == "next" }?["href"]?.string
                    .map { String($0[$0.range(of: "/ogc/")!.lowerBound...]) }
            }
            #expect(codes == (try store.snapshot().grids.map(\.unit.code)))

            let (_, all) = try await call(.get, "/ogc/collections/events/items?limit=10000", nil)
            #expect(all["numberMatched"]?.number == Double(try ExportSample.count(.events, store)))
            #expect(all["numberReturned"]?.number == 10_000)
        }
    }

    @Test("bbox selects the grids SpatiaLite finds intersecting it; datetime the events reported then")
    func filters() async throws {
        try await Self.run { call, store in
            let box = "119.70,28.25,119.73,28.28"
            let (_, page) = try await call(.get, "/ogc/collections/grids/items?limit=1000&bbox=\(box)", nil)
            let codes = Set((page["features"]?.array ?? []).compactMap { $0["id"]?.string })
            let oracle = Set(try ExportSample.sql("SELECT code FROM grid_boundaries WHERE valid_to IS NULL AND ST_Intersects(geometry, BuildMbr(\(box), 4326))", store)
                .compactMap { $0["code"] })
            #expect(!oracle.isEmpty)
            #expect(codes == oracle)

            let (_, march) = try await call(.get, "/ogc/collections/events/items?datetime=2025-03-01T00:00:00Z/2025-03-31T23:59:59.999Z&bbox=\(box)", nil)
            let count = try ExportSample.sql("""
                SELECT count(*) AS n FROM events WHERE reported_at >= '2025-03-01T00:00:00.000Z' AND reported_at < '2025-04-01T00:00:00.000Z'
                AND lon BETWEEN 119.70 AND 119.73 AND lat BETWEEN 28.25 AND 28.28
                """, store)[0]["n"]
            #expect(march["numberMatched"]?.number == Double(count ?? ""))

            // A small box goes through the place index, one holding every event scans in id order: both find what SpatiaLite finds.
            for (events, limit) in [("119.715,28.262,119.722,28.27", 10_000), ("119,28,122,31", 300)] {
                let (_, page) = try await call(.get, "/ogc/collections/events/items?limit=\(limit)&bbox=\(events)", nil)
                let ids = (page["features"]?.array ?? []).compactMap { $0["id"]?.number }.map { Int($0) }
                let coordinates = events.split(separator: ",")
                let oracle = try ExportSample.sql("""
                    SELECT id FROM events WHERE lon BETWEEN \(coordinates[0]) AND \(coordinates[2])
                    AND lat BETWEEN \(coordinates[1]) AND \(coordinates[3]) ORDER BY id LIMIT \(limit)
                    """, store).compactMap { $0["id"].flatMap { Int($0) } }
                #expect(!ids.isEmpty)
                #expect(ids == oracle, "\(events)")
            }

            let (_, before) = try await call(.get, "/ogc/collections/grids/items?datetime=2000-01-01T00:00:00Z", nil)
            #expect(before["numberMatched"]?.number == 0)
        }
    }

    @Test("one feature by id; errors name the problem")
    func itemsAndErrors() async throws {
        try await Self.run { call, store in
            let grid = try #require(try store.snapshot().grids.first)
            let (status, feature) = try await call(.get, "/ogc/collections/grids/items/\(grid.unit.code)", nil)
            #expect(status == .ok)
            #expect(feature["properties"]?["name"]?.string == grid.unit.name)
            #expect(feature["links"]?.array?.contains { $0["rel"]?.string == "collection" } == true)
            let (_, event) = try await call(.get, "/ogc/collections/events/items/3", nil)
            #expect(event["id"]?.number == 3)
            for (uri, expected) in [("/ogc/collections/grids/items/nope", HTTPResponse.Status.notFound),
                                    ("/ogc/collections/events/items/0", .notFound),
                                    ("/ogc/collections/roads", .notFound),
                                    ("/ogc/collections/grids/items?foo=1", .badRequest),
                                    ("/ogc/collections/grids/items?limit=0", .badRequest),
                                    ("/ogc/collections/grids/items?limit=10001", .badRequest),
                                    ("/ogc/collections/grids/items?bbox=1,2,3", .badRequest),
                                    ("/ogc/collections/events/items?datetime=yesterday", .badRequest),
                                    ("/ogc/collections/events/items?after=x", .badRequest),
                                    ("/ogc/collections/grids/items?datetime=2025-01-01T00:00:00Z/..", .badRequest),
                                    ("/ogc/collections?f=html", .badRequest),
                                    ("/ogc?lang=zh", .badRequest)] {
                let (status, json) = try await call(.get, uri, nil)
                #expect(status == expected, "\(uri)")
                #expect(json["detail"]?.string?.isEmpty == false, "\(uri)")
            }
        }
    }

    @Test("GDAL's OAPIF driver lists the collections and reads every feature, paging")
    func gdal() async throws {
        try await Self.run { call, store in
            let url = "OAPIF:http://127.0.0.1:\(try #require(call.client.port))/ogc"
            let listing = try await ExternalTool.output("/usr/bin/ogrinfo", ["-ro", "-q", url])
            #expect(listing.stderr.isEmpty, "\(listing.stderr)")
            for name in ["towns", "villages", "grids", "events"] { #expect(listing.text.contains(": \(name) ("), "\(name)") }
            for layer in [ExportLayer.villages, .grids, .events] {
                let features = try await ExternalTool.output("/usr/bin/ogrinfo", ["-ro", "-q", "-al", url, layer.rawValue])
                #expect(features.stderr.isEmpty, "\(features.stderr)")
                let count = features.text.components(separatedBy: "OGRFeature(\(layer.rawValue))").count - 1
                #expect(count == (try ExportSample.count(layer, store)), "\(layer)")
            }
        }
    }

    @Test("OWSLib's Features client reads the service")
    func owslib() async throws {
        try await Self.run { call, store in
            let script = """
                import sys
                from owslib.ogcapi.features import Features
                api = Features(sys.argv[1])
                assert 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core' in api.conformance()['conformsTo']
                assert api.feature_collections() == ['towns', 'villages', 'grids', 'events'], api.feature_collections()
                assert api.collection('grids')['itemType'] == 'feature'
                assert 'paths' in api.api()
                page = api.collection_items('villages', limit=7)
                seen = [f['id'] for f in page['features']]
                while True:
                    nxt = [l['href'] for l in page['links'] if l['rel'] == 'next']
                    if not nxt: break
                    page = api.collection_items('villages', limit=7, after=nxt[0].split('after=')[1])
                    seen += [f['id'] for f in page['features']]
                assert page['numberMatched'] == len(seen) == len(set(seen)), (page['numberMatched'], len(seen))
                print(len(seen), api.collection_item('villages', seen[0])['properties']['name'])
                """
            let output = try await ExternalTool.output("/usr/bin/python3", ["-c", script, "http://127.0.0.1:\(try #require(call.client.port))/ogc"])
            let villages = try store.snapshot().villages
            #expect(output.text == "\(villages.count) \(villages[0].unit.name)\n", "\(output.stderr)")
        }
    }
}
