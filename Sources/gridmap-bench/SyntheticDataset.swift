import Foundation
import GridMapGeometry
import GridMapJSON

/// Writes a ``SyntheticGridLayer`` as an importable dataset directory: its cells become grids,
/// blocks of `blockSize`×`blockSize` cells become villages (GEOS unions, so they nest exactly),
/// and their union the one town. Used by the benchmarks to go through the real import path.
enum SyntheticDataset {
    static let townCode = "339999101000"

    /// `blockSize` defaults to 4, or the smallest size that keeps the villages under the 900
    /// that 3-digit codes allow (a province-scale layer).
    static func write(_ layer: SyntheticGridLayer, to directory: URL, blockSize: Int? = nil) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let blockSize = blockSize ?? Swift.max(4, Int((Double(layer.polygons.count) / 899).squareRoot().rounded(.up)) + 1)
        let geos = GEOSContext()
        let blockColumns = (layer.columns + blockSize - 1) / blockSize
        var members: [Int: [Int]] = [:]
        for i in layer.polygons.indices {
            let block = (i / layer.columns / blockSize) * blockColumns + (i % layer.columns) / blockSize
            members[block, default: []].append(i)
        }
        let blocks = members.keys.sorted()
        guard blocks.count < 900 else { throw GeoJSONError("synthetic dataset: too many villages for 3-digit codes") }
        var villages: [(String, MultiPolygon)] = []
        var grids: [(String, String, MultiPolygon)] = []
        for (v, block) in blocks.enumerated() {
            let villageCode = String(townCode.prefix(9)) + String(format: "%03d", v + 1)
            let cells = members[block]!
            guard cells.count < 1000 else { throw GeoJSONError("synthetic dataset: too many grids per village") }
            for (g, cell) in cells.enumerated() {
                grids.append((villageCode + String(format: "%03d", g + 1), villageCode, layer.polygons[cell]))
            }
            villages.append((villageCode, try geos.union(cells.map { try geos.geometry(layer.polygons[$0]) }).polygons()))
        }
        let town = try geos.union(villages.map { try geos.geometry($0.1) }).polygons()
        try collection([feature(town, ["code": townCode, "name": "合成镇"])]).write(to: directory.appendingPathComponent("towns.geojson"))
        try collection(villages.map { code, geometry in
            feature(geometry, ["code": code, "name": "合成村\(code.suffix(3))", "town_code": townCode])
        }).write(to: directory.appendingPathComponent("villages.geojson"))
        try collection(grids.map { code, village, geometry in
            feature(geometry, ["code": code, "name": "合成网格\(code.suffix(6))", "village_code": village])
        }).write(to: directory.appendingPathComponent("grids.geojson"))
    }

    private static func feature(_ geometry: MultiPolygon, _ properties: [String: String]) -> String {
        JSONWriter.text(capacity: 256 + geometry.vertexCount * 40) { json in
            json.object { json in
                json.key("type"); json.string("Feature")
                json.key("properties")
                json.object { json in for name in properties.keys.sorted() { json.key(dynamic: name); json.string(properties[name]!) } }
                json.key("geometry"); json.multiPolygonGeometry(geometry, decimals: nil)
            }
        }
    }

    private static func collection(_ features: [String]) -> Data {
        Data(("{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n").utf8)
    }
}
