import CGEOS

// What redrawing boundaries needs from GEOS: overlay with another geometry, boundaries, points
// on surfaces, the polygon parts, envelopes and polygonizing noded lines (to split a polygon).

extension GEOSContext {
    /// A GEOS point.
    public func point(_ c: Coordinate) throws -> GEOSGeometryValue {
        try wrap(GEOSGeom_createPointFromXY_r(handle, c.x, c.y), "point")
    }

    /// The polygons enclosed by `lines` once they are noded (unioned) together (GEOSPolygonize).
    public func polygonize(_ lines: [GEOSGeometryValue]) throws -> [GEOSGeometryValue] {
        let noded = try union(lines)
        var input: [OpaquePointer?] = [noded.handle]
        let result = try input.withUnsafeMutableBufferPointer { buffer in
            try wrap(GEOSPolygonize_r(handle, buffer.baseAddress, 1), "polygonize")
        }
        return result.polygonParts()
    }
}

extension GEOSGeometryValue {
    public var isValid: Bool { GEOSisValid_r(context.handle, handle) == 1 }

    /// The union of this geometry with `other`.
    public func union(_ other: GEOSGeometryValue) throws -> GEOSGeometryValue {
        try context.wrap(GEOSUnion_r(context.handle, handle, other.handle), "union")
    }

    /// The boundary: rings of a polygon as lines.
    public func boundary() throws -> GEOSGeometryValue {
        try context.wrap(GEOSBoundary_r(context.handle, handle), "boundary")
    }

    /// A point guaranteed to lie inside this geometry (GEOSPointOnSurface).
    public func pointOnSurface() -> Coordinate? {
        guard let point = GEOSPointOnSurface_r(context.handle, handle) else { return nil }
        defer { GEOSGeom_destroy_r(context.handle, point) }
        var x = 0.0, y = 0.0
        guard GEOSGeomGetX_r(context.handle, point, &x) == 1, GEOSGeomGetY_r(context.handle, point, &y) == 1 else { return nil }
        return Coordinate(x, y)
    }

    /// Each polygon of this geometry as a geometry of its own (copies).
    public func polygonParts() -> [GEOSGeometryValue] {
        polygons().polygons.compactMap { try? context.geometry(MultiPolygon([$0])) }
    }

    /// The bounding box, nil when empty.
    public var envelope: BoundingBox? {
        guard !isEmpty else { return nil }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        GEOSGeom_getXMin_r(context.handle, handle, &minX)
        GEOSGeom_getYMin_r(context.handle, handle, &minY)
        GEOSGeom_getXMax_r(context.handle, handle, &maxX)
        GEOSGeom_getYMax_r(context.handle, handle, &maxY)
        return BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }
}
