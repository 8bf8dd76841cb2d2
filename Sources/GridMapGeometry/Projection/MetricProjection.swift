import CProj

/// PROJ's transformation between CGCS2000 longitude/latitude and one Gauss-Krüger zone's metres
/// (easting, northing). WGS84 coordinates are taken as CGCS2000: the two differ by centimetres.
///
/// Not thread-safe (it owns a PROJ context): one task at a time uses it (Sendable so that a
/// ``MetricProjectionPool`` can lend it from task to task).
public final class MetricProjection: @unchecked Sendable {
    public let zone: GaussKrugerZone
    private let context: OpaquePointer
    private let transformation: OpaquePointer

    public init(zone: GaussKrugerZone) throws(ProjectionError) {
        self.zone = zone
        guard let context = proj_context_create() else { throw ProjectionError(zone: zone, message: "no PROJ context") }
        let raw = proj_create_crs_to_crs(context, "EPSG:4490", "EPSG:\(zone.epsg)", nil)
        // Longitude first and easting first, whatever the EPSG axis order says.
        let normalized = raw.flatMap { proj_normalize_for_visualization(context, $0) }
        if let raw { proj_destroy(raw) }
        guard let normalized else {
            let message = String(cString: proj_context_errno_string(context, proj_context_errno(context)))
            proj_context_destroy(context)
            throw ProjectionError(zone: zone, message: message)
        }
        self.context = context
        transformation = normalized
    }

    deinit {
        proj_destroy(transformation)
        proj_context_destroy(context)
    }

    /// Metres of a longitude/latitude.
    public func forward(_ c: Coordinate) -> Coordinate { transform(c, PJ_FWD) }

    /// Longitude/latitude of metres.
    public func inverse(_ c: Coordinate) -> Coordinate { transform(c, PJ_INV) }

    /// Area in square metres of a longitude/latitude multipolygon, on the zone's plane (holes
    /// subtracted).
    public func area(_ multiPolygon: MultiPolygon) -> Double { multiPolygon.mapCoordinates(forward).planarArea }

    private func transform(_ c: Coordinate, _ direction: PJ_DIRECTION) -> Coordinate {
        let result = proj_trans(transformation, direction, PJ_COORD(xy: PJ_XY(x: c.x, y: c.y)))
        return Coordinate(result.xy.x, result.xy.y)
    }
}

/// PROJ could not set up a transformation.
public struct ProjectionError: Error, CustomStringConvertible {
    public var zone: GaussKrugerZone
    public var message: String
    public var description: String { "PROJ cannot transform to EPSG:\(zone.epsg): \(message)" }
}
