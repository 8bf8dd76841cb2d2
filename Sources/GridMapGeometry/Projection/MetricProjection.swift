/// The transformation between CGCS2000 longitude/latitude and one Gauss-Krüger zone's metres
/// (easting, northing). WGS84 coordinates are taken as CGCS2000: the two differ by centimetres.
///
/// Not thread-safe (it owns a PROJ context): one task at a time uses it (Sendable so that a
/// ``MetricProjectionPool`` can lend it from task to task).
public final class MetricProjection: @unchecked Sendable {
    public let zone: GaussKrugerZone
    private let transformation: CRSTransformation

    public init(zone: GaussKrugerZone) throws(ProjectionError) {
        self.zone = zone
        transformation = try CRSTransformation(toEPSG: zone.epsg)
    }

    /// Metres of a longitude/latitude.
    public func forward(_ c: Coordinate) -> Coordinate { transformation.forward(c) }

    /// Longitude/latitude of metres.
    public func inverse(_ c: Coordinate) -> Coordinate { transformation.inverse(c) }

    /// Area in square metres of a longitude/latitude multipolygon, on the zone's plane (holes
    /// subtracted).
    public func area(_ multiPolygon: MultiPolygon) -> Double { multiPolygon.mapCoordinates(forward).planarArea }
}
