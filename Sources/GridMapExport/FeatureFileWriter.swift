import GridMapGeometry

/// A file format features are written to, a page at a time, geometries already in the file's CRS.
protocol FeatureFileWriter {
    func write(_ features: [ExportFeature]) throws
    /// Completes the file (headers, extents); nothing is written after.
    func finish() throws
}

/// The files a layer can be exported to besides GeoJSON (which is written with the API's JSON
/// writer).
public enum ExportFileFormat: String, CaseIterable, Sendable {
    case shapefile, gpkg

    public var fileExtension: String { self == .shapefile ? "shp" : "gpkg" }
}

/// Writes every feature of a source to a Shapefile or GeoPackage in `crs`.
public enum FileExport {
    /// The CRS a projected export uses by default: the CGCS2000 3° Gauss-Krüger zone of the
    /// centre of `box` (EPSG:4549 for Zhejiang, 120°E).
    public static func defaultEPSG(for box: BoundingBox?) -> Int {
        GaussKrugerZone(longitude: box.map { ($0.minX + $0.maxX) / 2 } ?? 120).epsg
    }

    /// Writes the features to `path` and answers how many there were.
    @discardableResult
    public static func write(_ source: inout some ExportFeatureSource, format: ExportFileFormat, crs: CRSDefinition,
                             to path: String) throws -> Int {
        let transformation = try CRSTransformation(toEPSG: crs.epsg)
        let writer: any FeatureFileWriter = switch format {
        case .shapefile: try ShapefileWriter(path: path, schema: source.schema, crs: crs)
        case .gpkg: try GeoPackageWriter(path: path, schema: source.schema, crs: crs)
        }
        var count = 0
        while let page = try source.nextPage() {
            try writer.write(page.map { feature in
                var projected = feature
                projected.geometry = feature.geometry.mapCoordinates(transformation.forward)
                return projected
            })
            count += page.count
        }
        try writer.finish()
        return count
    }
}

extension ExportGeometry {
    func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> ExportGeometry {
        switch self {
        case .point(let c): .point(transform(c))
        case .multiPolygon(let m): .multiPolygon(m.mapCoordinates(transform))
        }
    }

    var boundingBox: BoundingBox? {
        switch self {
        case .point(let c): BoundingBox(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)
        case .multiPolygon(let m): m.boundingBox
        }
    }
}
