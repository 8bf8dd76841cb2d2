import Foundation
import GridMapGeometry
import GridMapTestSupport
import GridMapTiles

/// GDAL's MVT driver reading a tile, as an independent decoder: `ogr2ogr` turns one layer into
/// GeoJSON in WGS84 (PROJ does the inverse projection), without clipping to the tile. GDAL gives
/// a feature's MVT id as the property `mvt_id`.
enum GDALTileReader {
    struct Feature {
        var id: Int?
        var properties: [String: JSONValue]
        var geometry: JSONValue
    }

    static func features(layer: String, of bytes: [UInt8], tile: TileID) throws -> [Feature] {
        let directory = try Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tile.mvt")
        try Data(bytes).write(to: file)
        let output = try ExternalTool.run("/usr/bin/ogr2ogr", [
            "-f", "GeoJSON", "/vsistdout/", file.path, layer, "-t_srs", "EPSG:4326",
            "-lco", "COORDINATE_PRECISION=12",
            "-oo", "X=\(tile.x)", "-oo", "Y=\(tile.y)", "-oo", "Z=\(tile.z)", "-oo", "CLIP=NO",
        ])
        guard let features = try JSONValue.parse(output)["features"]?.array else {
            throw ExternalTool.Failure(description: "ogr2ogr wrote no FeatureCollection")
        }
        return features.map { feature in
            var properties = feature["properties"]?.object ?? [:]
            let id = properties.removeValue(forKey: "mvt_id")?.number.map { Int($0) }
            return Feature(id: id, properties: properties, geometry: feature["geometry"] ?? .null)
        }
    }

    /// A (Multi)LineString's lines.
    static func lines(_ geometry: JSONValue) throws -> [[Coordinate]] {
        let coordinates = geometry["coordinates"]?.array ?? []
        switch geometry["type"]?.string {
        case "LineString": return [try positions(coordinates)]
        case "MultiLineString": return try coordinates.map { try positions($0.array ?? []) }
        default: throw ExternalTool.Failure(description: "not a line: \(geometry.text)")
        }
    }

    /// A (Multi)Point's points.
    static func points(_ geometry: JSONValue) throws -> [Coordinate] {
        let coordinates = geometry["coordinates"]?.array ?? []
        switch geometry["type"]?.string {
        case "Point": return try positions([.array(coordinates)])
        case "MultiPoint": return try positions(coordinates)
        default: throw ExternalTool.Failure(description: "not a point: \(geometry.text)")
        }
    }

    private static func positions(_ values: [JSONValue]) throws -> [Coordinate] {
        try values.enumerated().map { try GeoJSON.position($1, path: "position \($0)") }
    }
}
