import GridMapGeometry

/// Why an edit is refused, with the geometry that shows it (served as GeoJSON).
public struct EditProblem: Sendable, Equatable {
    /// A stable machine-readable kind, e.g. `overlap`, `gap`, `outside_parent`.
    public var code: String
    public var message: String
    /// Codes of the units concerned.
    public var units: [String]
    public var shape: Shape?

    /// Where the problem is.
    public enum Shape: Sendable, Equatable {
        case area(MultiPolygon)
        case line([Coordinate])
    }

    public init(_ code: String, _ message: String, units: [String], shape: Shape? = nil) {
        self.code = code
        self.message = message
        self.units = units
        self.shape = shape
    }
}
