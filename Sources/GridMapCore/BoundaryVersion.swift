import GridMapGeometry

/// One stored version of a unit's boundary.
public struct BoundaryVersion: Sendable {
    public var id: Int64
    public var tag: String
    public var unit: AdminUnit
    public var validFrom: Instant
    public var validTo: Instant?
    public var geometry: MultiPolygon
    /// The planner's edit that opened this version; nil for versions written by a dataset import.
    public var change: BoundaryChange?

    public init(id: Int64, tag: String, unit: AdminUnit, validFrom: Instant, validTo: Instant?, geometry: MultiPolygon,
                change: BoundaryChange?) {
        self.id = id
        self.tag = tag
        self.unit = unit
        self.validFrom = validFrom
        self.validTo = validTo
        self.geometry = geometry
        self.change = change
    }
}

/// A committed boundary edit as stored.
public struct BoundaryChange: Sendable {
    public var id: Int64
    public var at: Instant
    public var author: String
    public var reason: String
    /// The edit as JSON text.
    public var operation: String
    public var origin: String

    public init(id: Int64, at: Instant, author: String, reason: String, operation: String, origin: String) {
        self.id = id
        self.at = at
        self.author = author
        self.reason = reason
        self.operation = operation
        self.origin = origin
    }
}
