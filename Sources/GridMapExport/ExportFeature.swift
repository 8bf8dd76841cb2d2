import GridMapGeometry

/// An attribute value of an exported feature.
public enum ExportValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null

    /// `.text`, or `.null` for nil.
    public static func optional(_ text: String?) -> ExportValue { text.map(ExportValue.text) ?? .null }
}

/// A feature's geometry in longitude/latitude (WGS84 / CGCS2000).
public enum ExportGeometry: Sendable, Equatable {
    case point(Coordinate)
    case multiPolygon(MultiPolygon)
}

/// One exported feature: its id (a unit's code or an event's number), geometry, and one value per
/// field of its layer's ``ExportSchema``, in order.
public struct ExportFeature: Sendable, Equatable {
    public var id: ExportValue
    public var geometry: ExportGeometry
    public var values: [ExportValue]

    public init(id: ExportValue, geometry: ExportGeometry, values: [ExportValue]) {
        self.id = id
        self.geometry = geometry
        self.values = values
    }
}
