import CGEOS

// What patrol coverage needs from GEOS: lengths and bounding boxes.

extension GEOSGeometryValue {
    /// Total length of the geometry's lines (perimeter for polygons).
    public var length: Double {
        var value = 0.0
        _ = GEOSLength_r(context.handle, handle, &value)
        return value
    }

    /// The envelope, nil when empty.
    public var boundingBox: BoundingBox? {
        guard !isEmpty else { return nil }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        GEOSGeom_getXMin_r(context.handle, handle, &minX); GEOSGeom_getYMin_r(context.handle, handle, &minY)
        GEOSGeom_getXMax_r(context.handle, handle, &maxX); GEOSGeom_getYMax_r(context.handle, handle, &maxY)
        return BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }
}
