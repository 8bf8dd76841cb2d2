import Foundation
import GridMapServer
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The web console's files and base map settings")
struct WebConsoleTests {
    @Test("the page, its script, Debian's Leaflet and the base map settings are served; nothing outside them")
    func files() async throws {
        let store = try Fixtures.emptyStore()
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), role: nil, bytes: { (_: String) in ByteBuffer() }) { call in
            for (uri, type, fragment) in [("/", "text/html; charset=utf-8", "网格治理地图"), ("/app/main.js", "text/javascript; charset=utf-8", "window.gridmap"),
                                          ("/app/app.css", "text/css; charset=utf-8", "#map"),
                                          ("/vendor/leaflet/leaflet.js", "text/javascript; charset=utf-8", "Leaflet"),
                                          ("/app/basemap.json", "application/json; charset=utf-8", "\"url\":null")] {
                try await call.client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == type, "\(uri)")
                    #expect(String(buffer: response.body).contains(fragment), "\(uri)")
                }
            }
            for uri in ["/app/nothing.js", "/app/app.exe", "/vendor/leaflet/../leaflet/leaflet.js", "/vendor/leaflet/.hidden.js"] {
                #expect(try await call(.get, uri, nil).0 == .notFound, "\(uri)")
            }
        }
    }

    @Test("a base map file is an object whose url is null or an XYZ template")
    func basemap() throws {
        let directory = try Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func file(_ text: String) throws -> String {
            let path = directory.appendingPathComponent(UUID().uuidString + ".json").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let osm = #"{"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": "© OpenStreetMap"}"#
        #expect(try WebConsole.basemap(file: try file(osm)) == osm)
        #expect(try WebConsole.basemap(file: try file(#"{"url": null}"#)).contains("null"))
        for bad in ["[1, 2]", "{\"url\": \"https://example.com/tiles.png\"}", "{\"url\": 3}", "not json"] {
            #expect(throws: WebConsole.BasemapError.self, "\(bad)") { try WebConsole.basemap(file: try file(bad)) }
        }
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../tiles/basemap.json").standardized.path
        #expect(try WebConsole.basemap(file: shipped).contains("null"))
    }
}
