import CGEOS

// What fitting geometry to a vector tile needs from GEOS: lines, rectangle clipping,
// topology-preserving simplification, snapping to a grid and repair of invalid polygons.

extension GEOSContext {
    /// Makes a GEOS MultiLineString, optionally mapping every coordinate first. Each line needs at
    /// least two coordinates.
    public func lineGeometry(_ lines: [[Coordinate]], transform: (Coordinate) -> Coordinate = { $0 }) throws -> GEOSGeometryValue {
        var parts: [OpaquePointer?] = []
        parts.reserveCapacity(lines.count)
        for line in lines {
            var buffer: [Double] = []
            buffer.reserveCapacity(line.count * 2)
            for c in line { let t = transform(c); buffer.append(t.x); buffer.append(t.y) }
            let sequence = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, UInt32(line.count), 0, 0)
            guard let made = GEOSGeom_createLineString_r(handle, sequence) else {
                for part in parts { GEOSGeom_destroy_r(handle, part) }
                throw GEOSError(operation: "line string", message: takeError())
            }
            parts.append(made)
        }
        let collection = parts.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(GEOS_MULTILINESTRING.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return try wrap(collection, "multilinestring")
    }
}

extension GEOSGeometryValue {
    /// The part of this geometry inside `box` (GEOSClipByRect: fast, and valid for valid input).
    public func clipped(to box: BoundingBox) throws -> GEOSGeometryValue {
        try context.wrap(GEOSClipByRect_r(context.handle, handle, box.minX, box.minY, box.maxX, box.maxY), "ClipByRect")
    }

    /// Douglas–Peucker simplification within `tolerance` that keeps rings from crossing each
    /// other or themselves (GEOSTopologyPreserveSimplify).
    public func simplifiedPreservingTopology(tolerance: Double) throws -> GEOSGeometryValue {
        try context.wrap(GEOSTopologyPreserveSimplify_r(context.handle, handle, tolerance), "TopologyPreserveSimplify")
    }

    /// Every coordinate rounded to a multiple of `gridSize` with the topology repaired, so polygons
    /// stay valid; parts that collapse (a ring to a line, a line to a point) are dropped
    /// (GEOSGeom_setPrecision).
    public func snapped(toGrid gridSize: Double) throws -> GEOSGeometryValue {
        try context.wrap(GEOSGeom_setPrecision_r(context.handle, handle, gridSize, 0), "setPrecision")
    }

    /// A valid version of this polygonal geometry by GEOSMakeValid's "structure" method: rings are
    /// read as drawn, so overlapping parts are united (where the default "linework" method would
    /// cut the overlap out) and holes cut out; collapsed parts are dropped.
    public func madeValidByStructure() throws -> GEOSGeometryValue {
        guard let parameters = GEOSMakeValidParams_create_r(context.handle) else {
            throw GEOSError(operation: "MakeValid parameters", message: context.takeError())
        }
        defer { GEOSMakeValidParams_destroy_r(context.handle, parameters) }
        GEOSMakeValidParams_setMethod_r(context.handle, parameters, GEOS_MAKE_VALID_STRUCTURE)
        GEOSMakeValidParams_setKeepCollapsed_r(context.handle, parameters, 0)
        return try context.wrap(GEOSMakeValidWithParams_r(context.handle, handle, parameters), "MakeValid")
    }

    /// The line strings of this geometry (points and polygons are dropped), optionally mapping
    /// every coordinate.
    public func lineStrings(transform: (Coordinate) -> Coordinate = { $0 }) -> [[Coordinate]] {
        parts(handle, ofType: GEOS_LINESTRING).map { ring($0, transform) }
    }

    /// The non-empty parts of type `type` in `g` and in the collections it nests.
    private func parts(_ g: OpaquePointer, ofType type: GEOSGeomTypes) -> [OpaquePointer] {
        switch GEOSGeomTypeId_r(context.handle, g) {
        case Int32(type.rawValue): return GEOSisEmpty_r(context.handle, g) == 1 ? [] : [g]
        case Int32(GEOS_MULTIPOINT.rawValue), Int32(GEOS_MULTILINESTRING.rawValue),
             Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            return (0..<GEOSGetNumGeometries_r(context.handle, g)).flatMap { i in
                GEOSGetGeometryN_r(context.handle, g, i).map { parts($0, ofType: type) } ?? []
            }
        default: return []
        }
    }
}
