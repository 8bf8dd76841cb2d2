import Foundation
import GRDB

/// Writes an MBTiles 1.3 file of vector tiles (gzip-compressed Mapbox Vector Tiles, `format`
/// `pbf`), as GDAL, QGIS and tile servers read it. A plain SQLite file: no SpatiaLite.
public enum MBTilesFile {
    /// Replaces the file at `path` with `metadata` (name, format, bounds, center, minzoom,
    /// maxzoom, json, …) and the tiles `fill` adds, in one transaction. Rows are TMS-numbered
    /// (`tile_row` counts from the south), as the specification says.
    public static func write(path: String, metadata: [String: String],
                             fill: (_ add: (_ zoom: Int, _ column: Int, _ tmsRow: Int, _ data: [UInt8]) throws -> Void) throws -> Void) throws {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE metadata (name TEXT NOT NULL, value TEXT);
                CREATE TABLE tiles (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL,
                    tile_data BLOB NOT NULL);
                CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
                """)
            for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO metadata (name, value) VALUES (?, ?)", arguments: [name, value])
            }
            let insert = try db.makeStatement(sql: "INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)")
            try fill { zoom, column, row, data in
                try insert.execute(arguments: [zoom, column, row, Data(data)])
            }
        }
        try queue.close()
    }
}
