import Foundation
import GRDB
import GridMapGeometry

/// An OGC GeoPackage 1.3 with one feature table named after the layer: the core tables
/// (`gpkg_spatial_ref_sys` with the CRS's WKT, `gpkg_contents` with the extent,
/// `gpkg_geometry_columns`), geometries as GeoPackage binary (exterior rings counter-clockwise),
/// one transaction for the whole file. No spatial index: GIS clients build theirs on load.
final class GeoPackageWriter: FeatureFileWriter {
    private let queue: DatabaseQueue
    private let schema: ExportSchema
    private let srsID: Int32
    private var extent: BoundingBox?
    private let insertSQL: String

    init(path: String, schema: ExportSchema, crs: CRSDefinition) throws {
        try? FileManager.default.removeItem(atPath: path)
        var configuration = Configuration()
        // One transaction spans the pages written, between calls.
        configuration.allowsUnsafeTransactions = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
        self.schema = schema
        srsID = Int32(crs.epsg)
        let columns = schema.fields.map { "\"\($0.name)\" \(Self.sqlType($0.kind))" }.joined(separator: ", ")
        insertSQL = "INSERT INTO \"\(schema.name)\" (geom, \(schema.fields.map { "\"\($0.name)\"" }.joined(separator: ", "))) VALUES (?"
            + String(repeating: ", ?", count: schema.fields.count) + ")"
        try queue.inDatabase { db in
            try db.execute(sql: """
                PRAGMA application_id = 1196444487;
                PRAGMA user_version = 10300;
                BEGIN;
                CREATE TABLE gpkg_spatial_ref_sys (
                    srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
                    organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                CREATE TABLE gpkg_contents (
                    table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                    description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
                    srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
                CREATE TABLE gpkg_geometry_columns (
                    table_name TEXT NOT NULL UNIQUE REFERENCES gpkg_contents(table_name), column_name TEXT NOT NULL,
                    geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL REFERENCES gpkg_spatial_ref_sys(srs_id),
                    z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
                INSERT INTO gpkg_spatial_ref_sys VALUES
                    ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
                    ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
                """)
            // The standard asks for WGS 84 whatever the data's CRS.
            for system in crs.epsg == 4326 ? [crs] : [try CRSDefinition(epsg: 4326), crs] {
                try db.execute(sql: "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, NULL)",
                               arguments: [system.name, system.epsg, system.epsg, system.wkt])
            }
            try db.execute(sql: """
                CREATE TABLE "\(schema.name)" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                    geom \(schema.geometryType.rawValue.uppercased()), \(columns));
                INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?, 'features', ?, ?);
                INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0);
                """, arguments: [schema.name, schema.name, crs.epsg, schema.name, schema.geometryType.rawValue.uppercased(), crs.epsg])
        }
    }

    func write(_ features: [ExportFeature]) throws {
        try queue.inDatabase { db in
            let statement = try db.cachedStatement(sql: insertSQL)
            for feature in features {
                if let box = feature.geometry.boundingBox { extent = extent.map { $0.union(box) } ?? box }
                var arguments: [(any DatabaseValueConvertible)?] = [blob(feature.geometry)]
                for value in feature.values {
                    switch value {
                    case .text(let text): arguments.append(text)
                    case .integer(let number): arguments.append(number)
                    case .real(let number): arguments.append(number.isFinite ? number : nil)
                    case .null: arguments.append(nil)
                    }
                }
                try statement.execute(arguments: StatementArguments(arguments))
            }
        }
    }

    func finish() throws {
        try queue.inDatabase { db in
            if let box = extent {
                try db.execute(sql: "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?",
                               arguments: [box.minX, box.minY, box.maxX, box.maxY])
            }
            try db.execute(sql: "COMMIT")
        }
        try queue.close()
    }

    /// GeoPackage binary: "GP", version 0, flags (little-endian; an envelope for polygons), the
    /// SRS id, then standard WKB.
    private func blob(_ geometry: ExportGeometry) -> Data {
        var b = BinaryBuffer()
        b.bytes([UInt8(ascii: "G"), UInt8(ascii: "P"), 0])
        switch geometry {
        case .point(let c):
            b.byte(0b0000_0001)
            b.littleEndian(srsID)
            b.byte(1); b.littleEndian(UInt32(1)); b.littleEndian(c.x); b.littleEndian(c.y)
        case .multiPolygon(let multiPolygon):
            b.byte(0b0000_0011)
            b.littleEndian(srsID)
            let box = multiPolygon.boundingBox ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
            for value in [box.minX, box.maxX, box.minY, box.maxY] { b.littleEndian(value) }
            b.bytes(WKB.encode(multiPolygon.oriented(exteriorCounterClockwise: true)))
        }
        return b.data
    }

    private static func sqlType(_ kind: ExportField.Kind) -> String {
        switch kind {
        case .text: "TEXT"
        case .integer: "INTEGER"
        case .real: "REAL"
        }
    }
}
