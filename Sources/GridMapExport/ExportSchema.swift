/// An attribute of an exported layer. Names are at most 10 ASCII characters, so that GeoJSON,
/// GeoPackage and Shapefile (dBASE) exports carry the same names.
public struct ExportField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// UTF-8 text of at most `width` bytes in a Shapefile (longer text is cut there at a
        /// character boundary; GeoJSON and GeoPackage keep it whole).
        case text(width: Int)
        case integer
        /// A real with `decimals` digits after the point in a Shapefile.
        case real(decimals: Int)
    }

    public let name: String
    public let kind: Kind

    public init(_ name: String, _ kind: Kind) {
        precondition(name.utf8.count <= 10 && name.allSatisfy(\.isASCII), "field names fit dBASE's 10 ASCII characters")
        self.name = name
        self.kind = kind
    }
}

/// The geometry type of every feature of a layer.
public enum ExportGeometryType: String, Sendable {
    case point = "Point"
    case multiPolygon = "MultiPolygon"
}

/// What a layer's features look like.
public struct ExportSchema: Sendable {
    /// The layer's name: the GeoPackage table and the default file name.
    public let name: String
    public let geometryType: ExportGeometryType
    public let fields: [ExportField]
}
