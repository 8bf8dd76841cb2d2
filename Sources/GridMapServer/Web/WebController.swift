import Foundation
import Hummingbird

/// The web console: `/` (the page), `/screen` (the wall screen), `/app/{file}` (its script and style, shipped in the package's
/// resources), `/vendor/leaflet/…` (Debian's Leaflet), `/vendor/chart.js/…` (Debian's Chart.js) and `/app/basemap.json`. Everything else the
/// page shows comes from the API.
struct WebController<Context: RequestContext>: Sendable {
    let console: WebConsole

    private static var types: [String: String] {
        ["html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
         "png": "image/png", "svg": "image/svg+xml", "json": "application/json; charset=utf-8"]
    }

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/") { _, _ in try Self.staticFile("index.html") }
        // The command room's wall screen (大屏).
        routes.get("/screen") { _, _ in try Self.staticFile("screen.html") }
        routes.get("/app/basemap.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: console.basemapJSON)))
        }
        routes.get("/app/:file") { _, context in try Self.staticFile(context.parameters.get("file") ?? "") }
        routes.get("/vendor/leaflet/**") { _, context in
            try Self.file(in: console.leafletDirectory, path: context.parameters.getCatchAll().joined(separator: "/"),
                          missing: "Leaflet is not installed: apt-get install libjs-leaflet (scripts/install-packages.sh)")
        }
        routes.get("/vendor/chart.js/**") { _, context in
            try Self.file(in: console.chartDirectory, path: context.parameters.getCatchAll().joined(separator: "/"),
                          missing: "Chart.js is not installed: apt-get install libjs-chart.js (scripts/install-packages.sh)")
        }
    }

    private static func staticFile(_ name: String) throws -> Response {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("static").path else {
            throw APIError(.internalServerError, "no_console", "the web console's files are missing from the build")
        }
        return try file(in: directory, path: name, missing: "no such file")
    }

    /// A file below `directory`; paths with `..` or unknown extensions are 404.
    private static func file(in directory: String, path: String, missing: String) throws -> Response {
        let components = path.split(separator: "/")
        guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0.hasPrefix(".") }),
              let type = types[String(path.split(separator: ".").last ?? "")],
              let data = FileManager.default.contents(atPath: directory + "/" + path) else {
            throw APIError(.notFound, "not_found", "\(path): \(missing)")
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
