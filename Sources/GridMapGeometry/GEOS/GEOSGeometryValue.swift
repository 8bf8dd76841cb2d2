import CGEOS

/// An owned GEOS geometry, valid only with (and on the thread of) its ``GEOSContext``.
public final class GEOSGeometryValue {
    let context: GEOSContext
    let handle: OpaquePointer

    init(context: GEOSContext, handle: OpaquePointer) {
        self.context = context
        self.handle = handle
    }

    deinit { GEOSGeom_destroy_r(context.handle, handle) }

    private var ctx: GEOSContextHandle_t { context.handle }

    /// Nil when the geometry is valid (OGC rules), else GEOS's reason, e.g. "Self-intersection[x y]".
    public var invalidityReason: String? {
        guard GEOSisValid_r(ctx, handle) != 1 else { return nil }
        guard let reason = GEOSisValidReason_r(ctx, handle) else { return context.takeError() }
        defer { GEOSFree_r(ctx, reason) }
        return String(cString: reason)
    }

    public var isEmpty: Bool { GEOSisEmpty_r(ctx, handle) == 1 }

    public var area: Double {
        var value = 0.0
        _ = GEOSArea_r(ctx, handle, &value)
        return value
    }

    public func makeValid() throws -> GEOSGeometryValue { try context.wrap(GEOSMakeValid_r(ctx, handle), "MakeValid") }
    public func intersection(_ other: GEOSGeometryValue) throws -> GEOSGeometryValue {
        try context.wrap(GEOSIntersection_r(ctx, handle, other.handle), "intersection")
    }
    public func difference(_ other: GEOSGeometryValue) throws -> GEOSGeometryValue {
        try context.wrap(GEOSDifference_r(ctx, handle, other.handle), "difference")
    }
    public func buffer(_ width: Double) throws -> GEOSGeometryValue {
        try context.wrap(GEOSBuffer_r(ctx, handle, width, 8), "buffer")
    }
    public func covers(_ other: GEOSGeometryValue) -> Bool { GEOSCovers_r(ctx, handle, other.handle) == 1 }
    public func intersects(_ other: GEOSGeometryValue) -> Bool { GEOSIntersects_r(ctx, handle, other.handle) == 1 }

    /// The minimum Cartesian distance to `other` (GEOSDistance), in the geometries' units.
    public func distance(_ other: GEOSGeometryValue) -> Double {
        var value = 0.0
        _ = GEOSDistance_r(ctx, handle, other.handle, &value)
        return value
    }

    /// Largest distance from a point of this geometry to `other` (discrete Hausdorff, one-sided bound).
    public func hausdorffDistance(_ other: GEOSGeometryValue) -> Double {
        var value = 0.0
        _ = GEOSHausdorffDistance_r(ctx, handle, other.handle, &value)
        return value
    }

    /// The polygonal part of this geometry as a MultiPolygon (lines and points are dropped),
    /// optionally mapping every coordinate back (e.g. from metres to degrees).
    public func polygons(transform: (Coordinate) -> Coordinate = { $0 }) -> MultiPolygon {
        MultiPolygon(polygonHandles(handle).map { polygon in
            let exterior = ring(GEOSGetExteriorRing_r(ctx, polygon), transform)
            let holes = (0..<GEOSGetNumInteriorRings_r(ctx, polygon)).map {
                ring(GEOSGetInteriorRingN_r(ctx, polygon, $0), transform)
            }
            return Polygon(exterior: exterior, holes: holes)
        })
    }

    private func polygonHandles(_ g: OpaquePointer) -> [OpaquePointer] {
        switch GEOSGeomTypeId_r(ctx, g) {
        case Int32(GEOS_POLYGON.rawValue): return GEOSisEmpty_r(ctx, g) == 1 ? [] : [g]
        case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            return (0..<GEOSGetNumGeometries_r(ctx, g)).flatMap { i in
                GEOSGetGeometryN_r(ctx, g, i).map(polygonHandles) ?? []
            }
        default: return []
        }
    }

    func ring(_ ring: OpaquePointer?, _ transform: (Coordinate) -> Coordinate) -> Ring {
        guard let ring, let sequence = GEOSGeom_getCoordSeq_r(ctx, ring) else { return [] }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(ctx, sequence, &size)
        var buffer = [Double](repeating: 0, count: Int(size) * 2)
        GEOSCoordSeq_copyToBuffer_r(ctx, sequence, &buffer, 0, 0)
        return (0..<Int(size)).map { transform(Coordinate(buffer[2 * $0], buffer[2 * $0 + 1])) }
    }
}
