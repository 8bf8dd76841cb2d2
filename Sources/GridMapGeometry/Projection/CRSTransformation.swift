import CProj

/// PROJ's transformation from CGCS2000 longitude/latitude (EPSG:4490; WGS84 coordinates are taken
/// as CGCS2000, the two differ by centimetres) to any horizontal CRS PROJ knows, in visualisation
/// axis order: longitude or easting first, whatever the EPSG axis order says.
///
/// Not thread-safe (it owns a PROJ context): one task at a time uses it.
public final class CRSTransformation: @unchecked Sendable {
    /// The target CRS.
    public let epsg: Int
    private let context: OpaquePointer
    private let transformation: OpaquePointer

    public init(toEPSG epsg: Int) throws(ProjectionError) {
        self.epsg = epsg
        guard let context = proj_context_create() else { throw ProjectionError(epsg: epsg, message: "no PROJ context") }
        let raw = proj_create_crs_to_crs(context, "EPSG:4490", "EPSG:\(epsg)", nil)
        let normalized = raw.flatMap { proj_normalize_for_visualization(context, $0) }
        if let raw { proj_destroy(raw) }
        guard let normalized else {
            let message = String(cString: proj_context_errno_string(context, proj_context_errno(context)))
            proj_context_destroy(context)
            throw ProjectionError(epsg: epsg, message: message)
        }
        self.context = context
        transformation = normalized
    }

    deinit {
        proj_destroy(transformation)
        proj_context_destroy(context)
    }

    /// Target coordinates of a longitude/latitude.
    public func forward(_ c: Coordinate) -> Coordinate { transform(c, PJ_FWD) }

    /// Longitude/latitude of target coordinates.
    public func inverse(_ c: Coordinate) -> Coordinate { transform(c, PJ_INV) }

    private func transform(_ c: Coordinate, _ direction: PJ_DIRECTION) -> Coordinate {
        let result = proj_trans(transformation, direction, PJ_COORD(xy: PJ_XY(x: c.x, y: c.y)))
        return Coordinate(result.xy.x, result.xy.y)
    }
}

/// PROJ does not know a CRS or cannot transform to it.
public struct ProjectionError: Error, CustomStringConvertible {
    public var epsg: Int
    public var message: String
    public var description: String { "PROJ cannot transform to EPSG:\(epsg): \(message)" }
}
