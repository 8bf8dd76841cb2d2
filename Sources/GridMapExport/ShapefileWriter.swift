import Foundation
import GridMapGeometry

/// An ESRI Shapefile: `.shp` and `.shx` (points or polygons, exterior rings clockwise), `.dbf`
/// attributes in UTF-8 (declared in `.cpg`), and the CRS in `.prj` (ESRI WKT). Written as
/// features come; headers last.
final class ShapefileWriter: FeatureFileWriter {
    private let schema: ExportSchema
    private let shp: BinaryFile
    private let shx: BinaryFile
    private let dbf: DBFWriter
    private var extent: BoundingBox?
    private var records: Int32 = 0

    /// `path` names the `.shp`; the other files are written beside it.
    init(path: String, schema: ExportSchema, crs: CRSDefinition) throws {
        let base = path.hasSuffix(".shp") ? String(path.dropLast(4)) : path
        self.schema = schema
        shp = try BinaryFile(creating: base + ".shp")
        shx = try BinaryFile(creating: base + ".shx")
        dbf = try DBFWriter(path: base + ".dbf", fields: schema.fields)
        try Data(crs.esriWKT.utf8).write(to: URL(fileURLWithPath: base + ".prj"))
        try Data("UTF-8".utf8).write(to: URL(fileURLWithPath: base + ".cpg"))
        try shp.append { $0.zeros(100) }
        try shx.append { $0.zeros(100) }
    }

    private var shapeType: Int32 { schema.geometryType == .point ? 1 : 5 }

    /// Shapefile offsets and lengths are 32-bit: readers take at most 2 GB a part.
    private static let maximumPartBytes = Int(Int32.max)

    func write(_ features: [ExportFeature]) throws {
        for feature in features {
            guard shp.length <= Self.maximumPartBytes, dbf.length <= Self.maximumPartBytes else {
                throw ExportError("format", "a Shapefile part would pass 2 GB: export this layer to gpkg")
            }
            records += 1
            let content = Self.content(feature.geometry, shapeType: shapeType)
            if let box = feature.geometry.boundingBox { extent = extent.map { $0.union(box) } ?? box }
            let offset = Int32(shp.length / 2)
            try shx.append { $0.bigEndian(offset); $0.bigEndian(Int32(content.data.count / 2)) }
            try shp.append { $0.bigEndian(records); $0.bigEndian(Int32(content.data.count / 2)); $0.bytes(content.data) }
            try dbf.append(feature.values)
        }
    }

    func finish() throws {
        try shp.close(header: header(fileLength: shp.length))
        try shx.close(header: header(fileLength: shx.length))
        try dbf.finish()
    }

    /// The 100-byte header both `.shp` and `.shx` start with.
    private func header(fileLength: Int) -> Data {
        var b = BinaryBuffer()
        b.bigEndian(9994)
        b.zeros(20)
        b.bigEndian(Int32(fileLength / 2))
        b.littleEndian(Int32(1000))
        b.littleEndian(shapeType)
        let box = extent ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
        for value in [box.minX, box.minY, box.maxX, box.maxY] { b.littleEndian(value) }
        b.zeros(32)
        return b.data
    }

    /// A record's content: a Point, or a Polygon of every ring of a multipolygon.
    private static func content(_ geometry: ExportGeometry, shapeType: Int32) -> BinaryBuffer {
        var b = BinaryBuffer()
        b.littleEndian(shapeType)
        switch geometry {
        case .point(let c):
            b.littleEndian(c.x); b.littleEndian(c.y)
        case .multiPolygon(let multiPolygon):
            let rings = multiPolygon.oriented(exteriorCounterClockwise: false).rings
            let box = multiPolygon.boundingBox ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
            for value in [box.minX, box.minY, box.maxX, box.maxY] { b.littleEndian(value) }
            b.littleEndian(Int32(rings.count))
            b.littleEndian(Int32(rings.reduce(0) { $0 + $1.count }))
            var start: Int32 = 0
            for ring in rings {
                b.littleEndian(start)
                start += Int32(ring.count)
            }
            for ring in rings { for c in ring { b.littleEndian(c.x); b.littleEndian(c.y) } }
        }
        return b
    }
}
