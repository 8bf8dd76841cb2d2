import GridMapGeometry

/// One GPS fix of a grid member's patrol, as reported: its position is in `crs` (phones usually
/// report GCJ-02) and converted to WGS84 only when the fix is cleaned and used.
public struct PatrolFix: Sendable, Hashable {
    /// The grid member's identifier (a phone number or staff code).
    public var member: String
    /// UTC milliseconds since 1970.
    public var milliseconds: Int64
    /// Longitude/latitude in `crs`.
    public var position: Coordinate
    public var crs: CoordinateSystem
    /// Horizontal accuracy in metres, when the device reports it.
    public var accuracy: Double?

    public init(member: String, milliseconds: Int64, position: Coordinate, crs: CoordinateSystem, accuracy: Double? = nil) {
        self.member = member
        self.milliseconds = milliseconds
        self.position = position
        self.crs = crs
        self.accuracy = accuracy
    }

    /// The position in WGS84.
    public var wgs84: Coordinate { crs.toWGS84(position) }
}
