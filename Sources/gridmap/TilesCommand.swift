import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry
import GridMapExport
import GridMapTiles

/// `gridmap tiles build`: an MBTiles file of every layer's vector tiles over a dataset's towns.
struct TilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tiles", abstract: "Vector tiles.",
                                                    subcommands: [TilesBuildCommand.self])
}

struct TilesBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write an MBTiles file (gzip-compressed Mapbox Vector Tiles: towns, villages, grids, events, "
            + "density-grids, density-hex) covering a dataset's towns; all events are drawn.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Imported dataset whose towns the tiles cover (default: every town).") var dataset: String?
    @Option(help: "Lowest zoom.") var minzoom = 10
    @Option(help: "Highest zoom.") var maxzoom = 16
    @Option(help: "MBTiles file to write (default: tiles/<dataset or gridmap>.mbtiles).") var output: String?

    func validate() throws {
        guard (0...TileID.maxZoom).contains(minzoom), (minzoom...TileID.maxZoom).contains(maxzoom) else {
            throw ValidationError("zooms must satisfy 0 ≤ --minzoom ≤ --maxzoom ≤ \(TileID.maxZoom)")
        }
    }

    func run() throws {
        let store = try database.open()
        let snapshot = try store.snapshot()
        var towns = snapshot.towns
        if let dataset {
            guard let codes = try store.townCodes(dataset: dataset) else { throw ValidationError("no imported dataset named '\(dataset)'") }
            towns = towns.filter { codes.contains($0.unit.code) }
        }
        guard let area = towns.compactMap(\.geometry.boundingBox).reduce(nil, { $0?.union($1) ?? $1 }) else {
            throw ValidationError("no towns to draw")
        }
        let sources = TileSources(snapshot: snapshot, facts: try store.eventFactsTable(),
                                  filter: .allTime, gridAreas: try snapshot.areasKm2(.grid))
        let path = output ?? "tiles/\(dataset ?? "gridmap").mbtiles"
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let started = Date()
        var tiles = 0
        try MBTilesFile.write(path: path, metadata: metadata(area)) { add in
            tiles = try TileSetBuilder(sources: sources).build(covering: area, zooms: minzoom...maxzoom) { tile, bytes in
                try add(tile.z, tile.x, tile.tmsRow, bytes)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("\(tiles) tiles (z\(minzoom)–\(maxzoom)) → \(path) in \(String(format: "%.1f", seconds)) s, "
            + "\(Int(Double(tiles) / max(seconds, 1e-9))) tiles/s")
    }

    private func metadata(_ area: BoundingBox) -> [String: String] {
        let layers = TileLayer.tileSetLayers.map { layer in
            let fields = layer.fields.map { "\"\($0.name)\":\"\($0.type)\"" }.joined(separator: ",")
            return "{\"id\":\"\(layer.rawValue)\",\"fields\":{\(fields)},\"minzoom\":\(minzoom),\"maxzoom\":\(maxzoom)}"
        }
        return [
            "name": "GridMap \(dataset ?? "all towns")", "format": "pbf", "type": "overlay", "version": "1",
            "description": "Towns, villages, grids, events and incident density of GridMap",
            "bounds": [area.minX, area.minY, area.maxX, area.maxY].map { String(format: "%.6f", $0) }.joined(separator: ","),
            "center": String(format: "%.6f,%.6f,%d", (area.minX + area.maxX) / 2, (area.minY + area.maxY) / 2, minzoom),
            "minzoom": "\(minzoom)", "maxzoom": "\(maxzoom)",
            "json": "{\"vector_layers\":[\(layers.joined(separator: ","))]}",
        ]
    }
}
