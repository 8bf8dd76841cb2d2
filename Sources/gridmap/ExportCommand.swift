import ArgumentParser
import Foundation
import GridMapCore
import GridMapExport
import GridMapGeometry
import GridMapJSON

/// `gridmap export`: a layer as a file for county GIS.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "A layer for county GIS: RFC 7946 GeoJSON (WGS84), or a Shapefile or GeoPackage in CGCS2000 Gauss-Krüger (or any EPSG).",
        discussion: "Layers: " + ExportLayer.allCases.map(\.rawValue).joined(separator: ", ") + ". Attributes: see the README.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case geojson, shapefile, gpkg }

    @Argument(help: "The layer: towns, villages, grids, events, coverage or density.") var layer: String
    @OptionGroup var database: DatabaseOption
    @Option(help: "geojson, shapefile or gpkg.") var format = Format.geojson
    @Option(help: "EPSG code of a Shapefile's or GeoPackage's CRS (default: the CGCS2000 3° Gauss-Krüger zone of the data's centre, EPSG:4549 in Zhejiang). GeoJSON is always WGS84.")
    var crs: String?
    @Option(name: [.customLong("as-of"), .customLong("asOf")], help: "Boundaries valid at this ISO 8601 time (towns, villages, grids, density); --asOf is the former spelling, accepted for one release.") var asOf: String?
    @Option(help: "Events reported from (events, density), or the first patrol day (coverage; default 7 days ago).") var from: String?
    @Option(help: "Events reported before (events, density), or the patrol days' end, exclusive (coverage).") var to: String?
    @Option(help: "Decimals of GeoJSON positions (0-15).") var precision = 7
    @Option(name: .shortAndLong, help: "Output file (default: LAYER.geojson, LAYER.shp or LAYER.gpkg; '-' writes GeoJSON to standard output).")
    var output: String?

    func validate() throws {
        guard ExportLayer(rawValue: layer) != nil else {
            throw ValidationError("unknown layer '\(layer)': one of " + ExportLayer.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be from 0 to 15") }
        if format == .geojson, let crs, try epsg(crs) != 4326 {
            throw ValidationError("GeoJSON is RFC 7946, WGS84 longitude/latitude only: --crs is for shapefile and gpkg")
        }
        if output == "-", format != .geojson { throw ValidationError("only GeoJSON can be written to standard output") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: database.path) else { throw ValidationError("no database at '\(database.path)'") }
        let store = try database.open()
        let layer = ExportLayer(rawValue: layer)!
        let options = ExportOptions(asOf: asOf, from: from, to: to)
        var source: any ExportFeatureSource
        do { source = try layer.source(store: store, options: options) } catch let error as ExportError {
            throw ValidationError("--\(error.option.replacingOccurrences(of: "_", with: "-")): \(error.message)")
        }
        let started = Date()
        let count: Int, path: String, system: String
        switch format {
        case .geojson:
            path = output ?? "\(layer.rawValue).geojson"
            count = try writeGeoJSON(&source, to: path)
            system = "EPSG:4326 WGS 84"
        case .shapefile, .gpkg:
            let fileFormat = ExportFileFormat(rawValue: format.rawValue)!
            path = output ?? "\(layer.rawValue).\(fileFormat.fileExtension)"
            let code = try crs.map(epsg) ?? FileExport.defaultEPSG(for: try store.currentBoundaries(.town).compactMap(\.geometry.boundingBox)
                .reduce(nil) { $0?.union($1) ?? $1 })
            let definition: CRSDefinition
            do { definition = try CRSDefinition(epsg: code) } catch { throw ValidationError("--crs: \(error)") }
            count = try FileExport.write(&source, format: fileFormat, crs: definition, to: path)
            system = "EPSG:\(code) \(definition.name)"
        }
        printError("\(layer.rawValue): \(count) features to \(path == "-" ? "standard output" : path) (\(system)) in "
                   + String(format: "%.2f s", Date().timeIntervalSince(started)))
    }

    /// Writes the source as one FeatureCollection, a page at a time.
    private func writeGeoJSON(_ source: inout any ExportFeatureSource, to path: String) throws -> Int {
        let handle: FileHandle
        if path == "-" { handle = .standardOutput } else {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw ValidationError("cannot create '\(path)'") }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        let geojson = FeatureGeoJSON(schema: source.schema, decimals: precision)
        try handle.write(contentsOf: Data(buffer: geojson.header()))
        var count = 0
        while let page = try source.nextPage() {
            try handle.write(contentsOf: Data(buffer: geojson.page(page, first: count == 0)))
            count += page.count
        }
        try handle.write(contentsOf: Data(buffer: geojson.footer()))
        if path != "-" { try handle.close() }
        return count
    }

    /// "4549" or "EPSG:4549".
    private func epsg(_ text: String) throws -> Int {
        let digits = text.uppercased().hasPrefix("EPSG:") ? String(text.dropFirst(5)) : text
        guard let code = Int(digits), code > 0 else { throw ValidationError("--crs must be an EPSG code, e.g. 4549 or EPSG:4549") }
        return code
    }
}
