import Foundation
import GridMapCore
import GridMapExport
import GridMapGeometry
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

@Suite("Shapefile and GeoPackage exports, read by GDAL")
struct ExportFileTests {
    @Test("every layer in both formats: ogrinfo finds the count, geometry type, CRS and attributes; ogr2ogr converts without warnings",
          arguments: ExportLayer.allCases, ExportFileFormat.allCases)
    func layerFiles(layer: ExportLayer, format: ExportFileFormat) async throws {
        let store = try ExportSample.store.get()
        let directory = try Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("\(layer.rawValue).\(format.fileExtension)").path
        var source = try layer.source(store: store, options: ExportSample.options[layer] ?? ExportOptions())
        let written = try FileExport.write(&source, format: format, crs: try CRSDefinition(epsg: 4549), to: path)
        let expected = try ExportSample.count(layer, store)
        #expect(written == expected)

        let summary = try await ExternalTool.output("/usr/bin/ogrinfo", ["-ro", "-so", "-al", path])
        #expect(summary.stderr.isEmpty, "\(summary.stderr)")
        #expect(OGRInfo.featureCount(summary.text) == expected)
        #expect(summary.text.contains("Geometry: \(layer.schema.geometryType.ogrName(shapefile: format == .shapefile))\n"))
        #expect(summary.text.contains("CGCS2000 / 3-degree Gauss-Kruger CM 120E"))
        #expect(summary.text.contains("ID[\"EPSG\",4549]]"))
        for field in layer.schema.fields {
            let type = switch field.kind {
            case .text: "String"
            case .integer: "Integer"  // Integer or Integer64
            case .real: "Real"
            }
            #expect(summary.text.contains("\n\(field.name): \(type)"), "\(field.name)")
        }

        // Back to longitude/latitude through GDAL's own PROJ: the features are where the store has them.
        let converted = directory.appendingPathComponent("back.geojson").path
        let conversion = try await ExternalTool.output("/usr/bin/ogr2ogr", ["-f", "GeoJSON", "-t_srs", "EPSG:4326", converted, path])
        #expect(conversion.stderr.isEmpty, "\(conversion.stderr)")
        let features = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: converted)))["features"]?.array ?? []
        #expect(features.count == expected)
        try Self.expectInPlace(features.first, layer: layer, store: store)
    }

    /// The first converted feature lies where the store has it, within 1e-6° (10 cm).
    private static func expectInPlace(_ feature: JSONValue?, layer: ExportLayer, store: SpatiaLiteStore) throws {
        let feature = try #require(feature)
        let coordinates = Self.positions(try #require(feature["geometry"]?["coordinates"]))
        let box = try #require(BoundingBox(coordinates))
        let expected: BoundingBox?
        if layer == .events {
            let id = Int64(try #require(feature["properties"]?["id"]?.number))
            var query = EventQuery()
            query.after = id - 1
            query.limit = 1
            expected = try store.eventSummaries(query).first.map { BoundingBox(minX: $0.point.x, minY: $0.point.y, maxX: $0.point.x, maxY: $0.point.y) }
        } else if layer == .operations {
            expected = try store.operation(Int64(try #require(feature["properties"]?["id"]?.number)))?.area.boundingBox
        } else {
            let code = try #require(feature["properties"]?["code"]?.string)
            let level: AdminLevel = layer == .towns ? .town : layer == .villages ? .village : .grid
            expected = try store.snapshot().boundaries(level).first { $0.unit.code == code }?.geometry.boundingBox
        }
        let known = try #require(expected)
        for (a, b) in [(box.minX, known.minX), (box.minY, known.minY), (box.maxX, known.maxX), (box.maxY, known.maxY)] {
            #expect(abs(a - b) < 1e-6, "\(box) vs \(known)")
        }
    }

    private static func positions(_ value: JSONValue) -> [Coordinate] {
        if let pair = value.array, pair.count == 2, let x = pair[0].number, let y = pair[1].number { return [Coordinate(x, y)] }
        return (value.array ?? []).flatMap(positions)
    }

    @Test("area_km2 is the area GDAL measures of the exported Gauss-Krüger polygons")
    func areas() async throws {
        let store = try ExportSample.store.get()
        let directory = try Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("grids.shp").path
        var source = try ExportLayer.grids.source(store: store, options: ExportOptions())
        try FileExport.write(&source, format: .shapefile, crs: try CRSDefinition(epsg: 4549), to: path)
        let rows = try await ExternalTool.output("/usr/bin/ogrinfo", [
            "-ro", "-q", "-dialect", "SQLite", "-sql", "SELECT code, area_km2, ST_Area(geometry) / 1e6 AS measured FROM grids", path])
        let features = OGRInfo.features(rows.text)
        #expect(features.count == 150)
        for row in features {
            let stated = try #require(Double(row["area_km2"] ?? "")), measured = try #require(Double(row["measured"] ?? ""))
            #expect(abs(stated - measured) <= 1e-6 * max(1, measured), "\(row)")
        }
    }

    @Test("any EPSG code PROJ knows; unknown and non-horizontal codes are refused by name")
    func otherSystems() async throws {
        let store = try ExportSample.store.get()
        let directory = try Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (epsg, format, name) in [(3857, ExportFileFormat.shapefile, "WGS 84 / Pseudo-Mercator"),
                                     (4490, .gpkg, "China Geodetic Coordinate System 2000"), (4550, .gpkg, "CM 123E")] {
            let path = directory.appendingPathComponent("towns-\(epsg).\(format.fileExtension)").path
            var source = try ExportLayer.towns.source(store: store, options: ExportOptions())
            try FileExport.write(&source, format: format, crs: try CRSDefinition(epsg: epsg), to: path)
            let summary = try await ExternalTool.output("/usr/bin/ogrinfo", ["-ro", "-so", "-al", path])
            #expect(summary.stderr.isEmpty)
            #expect(summary.text.contains(name), "EPSG:\(epsg)")
            #expect(OGRInfo.featureCount(summary.text) == 2)
        }
        #expect(throws: ProjectionError.self) { try CRSDefinition(epsg: 999_999) }
        #expect(throws: ProjectionError.self) { try CRSDefinition(epsg: 5773) }  // EGM96 height: vertical
        #expect(FileExport.defaultEPSG(for: BoundingBox(minX: 119.6, minY: 28.2, maxX: 121, maxY: 30.4)) == 4549)
        #expect(FileExport.defaultEPSG(for: BoundingBox(minX: 121.8, minY: 29, maxX: 122.4, maxY: 30)) == 4550)
    }

    @Test("export options are checked per layer")
    func options() throws {
        let store = try ExportSample.store.get()
        #expect(throws: ExportError.self) { try ExportLayer.events.source(store: store, options: ExportOptions(asOf: "2025-01-01T00:00:00Z")) }
        #expect(throws: ExportError.self) { try ExportLayer.grids.source(store: store, options: ExportOptions(from: "2025-01-01")) }
        #expect(throws: ExportError.self) { try ExportLayer.grids.source(store: store, options: ExportOptions(asOf: "yesterday")) }
        #expect(throws: ExportError.self) { try ExportLayer.coverage.source(store: store, options: ExportOptions(from: "2025-11-04", to: "2025-11-01")) }
        #expect(throws: ExportError.self) { try ExportLayer.events.source(store: store, options: ExportOptions(to: "soon")) }
    }
}
