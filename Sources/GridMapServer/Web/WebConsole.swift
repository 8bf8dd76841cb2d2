import Foundation

/// What the web console needs besides its own files: where Debian's Leaflet and Chart.js are installed and the
/// optional online base map (`tiles/basemap.json`).
public struct WebConsole: Sendable {
    /// Debian's libjs-leaflet (`leaflet.js`, `leaflet.css`, `images/`).
    public var leafletDirectory: String
    /// Debian's libjs-chart.js (`chart.min.js`), for the 统计 tab.
    public var chartDirectory: String
    /// The base map settings as JSON: `{"url": XYZ template or null, "attribution", "maxZoom"}`.
    public var basemapJSON: String

    /// No online base map: the map is drawn from GridMap's own layers (works offline).
    public static let offline = #"{"url":null,"attribution":"","maxZoom":18}"#

    public init(leafletDirectory: String = "/usr/share/javascript/leaflet", chartDirectory: String = "/usr/share/javascript/chart.js",
                basemapJSON: String = WebConsole.offline) {
        self.leafletDirectory = leafletDirectory
        self.chartDirectory = chartDirectory
        self.basemapJSON = basemapJSON
    }

    /// Reads a base map file (`tiles/basemap.json`): its JSON must be an object whose `url`, when
    /// not null, is an http(s) XYZ template with `{z}`, `{x}` and `{y}`.
    public static func basemap(file: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BasemapError(file: file, problem: "not a JSON object")
        }
        if let url = object["url"], !(url is NSNull) {
            guard let template = url as? String, template.hasPrefix("http"),
                  ["{z}", "{x}", "{y}"].allSatisfy(template.contains) else {
                throw BasemapError(file: file, problem: "'url' must be null or an http(s) XYZ template with {z}, {x} and {y}")
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    public struct BasemapError: Error, CustomStringConvertible {
        public var file: String
        public var problem: String
        public var description: String { "\(file): \(problem)" }
    }
}
