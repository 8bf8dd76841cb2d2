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

@Suite("GET /v1/export/{layer}.geojson")
struct ExportAPITests {
    @Test("every layer is RFC 7946: no crs, exterior rings counter-clockwise, ids = codes, 7 decimals, UTF-8 names; GDAL reads it",
          arguments: ExportLayer.allCases)
    func layer(_ layer: ExportLayer) async throws {
        let store = try ExportSample.store.get()
        let expected = try ExportSample.count(layer, store)
        let names = Dictionary(try store.snapshot().grids.map { ($0.unit.code, $0.unit.name) } + store.snapshot().villages.map { ($0.unit.code, $0.unit.name) }
                               + store.snapshot().towns.map { ($0.unit.code, $0.unit.name) }, uniquingKeysWith: { a, _ in a })
        let query = layer == .coverage ? "?from=2025-11-01&to=2025-11-04" : ""
        try await LiveServer.run(store, role: .gis, bytes: { (_: String) in ByteBuffer() }) { call in
            let body = try await call.client.execute(uri: "/v1/export/\(layer.rawValue).geojson\(query)", method: .get,
                                                     headers: LiveServer.Call<String>.authorization(call.token)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/geo+json; charset=utf-8")
                return Data(buffer: response.body)
            }
            let json = try JSONValue.parse(body)
            #expect(json["crs"] == nil)
            let features = try #require(json["features"]?.array)
            #expect(features.count == expected)
            for feature in features {
                let properties = try #require(feature["properties"]?.object)
                #expect(Set(properties.keys) == Set(layer.schema.fields.map(\.name)))
                if layer == .events || layer == .operations {
                    #expect(feature["id"]?.number == properties["id"]?.number)
                } else {
                    let code = try #require(feature["id"]?.string)
                    #expect(properties["code"]?.string == code)
                    #expect(properties["name"]?.string == names[code])
                    for polygon in feature["geometry"]?["coordinates"]?.array ?? [] {
                        for (i, ring) in (polygon.array ?? []).enumerated() {
                            let points = (ring.array ?? []).map { Coordinate($0.array![0].number!, $0.array![1].number!) }
                            #expect((points.signedArea > 0) == (i == 0), "\(code) ring \(i)")
                        }
                    }
                }
            }
            let text = String(decoding: body, as: UTF8.self)
            #expect(Self.mostDecimals(text) == 7)

            // GDAL reads what was served.
            let directory = try Fixtures.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("\(layer.rawValue).geojson").path
            try body.write(to: URL(fileURLWithPath: path))
            let summary = try await ExternalTool.output("/usr/bin/ogrinfo", ["-ro", "-so", "-al", path])
            #expect(summary.stderr.isEmpty, "\(summary.stderr)")
            #expect(OGRInfo.featureCount(summary.text) == expected)
            #expect(summary.text.contains("Geometry: \(layer.schema.geometryType.ogrName(shapefile: false))\n"))
            let conversion = try await ExternalTool.output("/usr/bin/ogr2ogr", ["-f", "GPKG", directory.appendingPathComponent("c.gpkg").path, path])
            #expect(conversion.stderr.isEmpty, "\(conversion.stderr)")
        }
    }

    /// The most digits after a decimal point among the coordinates of a GeoJSON text.
    private static func mostDecimals(_ text: String) -> Int {
        guard let start = text.range(of: "\"coordinates\":") else { return 0 }
        var most = 0, current = -1
        for byte in text.utf8[start.upperBound...] {
            if byte == UInt8(ascii: ".") { current = 0 } else if current >= 0, (48...57).contains(byte) { current += 1 } else {
                most = max(most, current)
                current = -1
                if byte == UInt8(ascii: "}") { break }
            }
        }
        return most
    }

    @Test("precision, permission and bad requests")
    func requests() async throws {
        let store = try ExportSample.store.get()
        let dispatcher = try store.createToken(name: "dispatcher", role: .dispatcher, by: .test).token
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), role: .gis, bytes: { (_: String) in ByteBuffer() }) { call in
            let text = try await call.client.execute(uri: "/v1/export/towns.geojson?precision=3", method: .get,
                                                     headers: LiveServer.Call<String>.authorization(call.token)) { String(buffer: $0.body) }
            #expect(Self.mostDecimals(text) == 3)
            #expect(try await call(.get, "/v1/export/towns.geojson", nil, token: nil).0 == .unauthorized)
            #expect(try await call(.get, "/v1/export/towns.geojson", nil, token: dispatcher).0 == .forbidden)
            #expect(try await call(.get, "/ogc/collections/towns/items", nil, token: nil).0 == .ok)
            // Exports are bulk data: each is audited, refused ones included.
            #expect(try store.auditLog(limit: 1_000).contains {
                $0.action == "GET /v1/export/towns.geojson" && $0.status == 403 && $0.role == .dispatcher
            })
            for (uri, status, code) in [("/v1/export/roads.geojson", HTTPResponse.Status.notFound, "unknown_layer"),
                                        ("/v1/export/towns.shp", .notFound, "unknown_layer"),
                                        ("/v1/export/towns.geojson?precision=16", .badRequest, "invalid_parameter"),
                                        ("/v1/export/towns.geojson?asOf=yesterday", .badRequest, "invalid_parameter"),
                                        ("/v1/export/events.geojson?asOf=2025-01-01T00:00:00Z", .badRequest, "invalid_parameter"),
                                        ("/v1/export/grids.geojson?from=2025-01-01", .badRequest, "invalid_parameter"),
                                        ("/v1/export/grids.geojson?format=shp", .badRequest, "unknown_parameter")] {
                let (status2, json) = try await call(.get, uri, nil)
                #expect(status2 == status, "\(uri)")
                #expect(json["error"]?.string == code, "\(uri)")
                #expect(json["detail"]?.string?.isEmpty == false)
            }
        }
    }

    @Test("as_of exports the boundaries valid then; events filtered by from and to")
    func periods() async throws {
        let store = try ExportSample.store.get()
        try await LiveServer.run(store, role: .gis, bytes: { (_: String) in ByteBuffer() }) { call in
            let (_, before) = try await call(.get, "/v1/export/grids.geojson?as_of=2000-01-01T00:00:00Z", nil)
            #expect(before["features"]?.array?.isEmpty == true)
            let (_, march) = try await call(.get, "/v1/export/events.geojson?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z", nil)
            let expected = try ExportSample.sql("SELECT count(*) AS n FROM events WHERE reported_at >= '2025-03-01T00:00:00.000Z' AND reported_at < '2025-04-01T00:00:00.000Z'", store)
            #expect(march["features"]?.array?.count == Int(expected[0]["n"] ?? ""))
            #expect((march["features"]?.array?.count ?? 0) > 0)
            // The density layer counts as the API does (the facts table); SpatiaLite's GROUP BY is the reference.
            let (_, density) = try await call(.get, "/v1/export/density.geojson?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z", nil)
            let byGrid = try SQLReference(store).gridCounts(from: "2025-03-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z")
            let exported = try #require(density["features"]?.array)
            #expect(exported.count == (try store.snapshot().grids.count))
            for feature in exported {
                let code = try #require(feature["id"]?.string)
                #expect(feature["properties"]?["events"]?.number == Double(byGrid[code] ?? 0), "\(code)")
            }
            #expect(byGrid.values.reduce(0, +) > 0)
        }
    }
}
