import GridMapGeometry

extension JSONWriter {
    /// A position rounded to 7 decimals (about 1 cm), RFC 7946's advice.
    mutating func position(_ c: Coordinate) {
        raw("["); number((c.x * 1e7).rounded() / 1e7); raw(","); number((c.y * 1e7).rounded() / 1e7); raw("]")
    }

    mutating func pointGeometry(_ c: Coordinate) {
        raw("{\"type\":\"Point\",\"coordinates\":"); position(c); raw("}")
    }

    /// A MultiPolygon with RFC 7946 winding: exterior rings counter-clockwise, holes clockwise.
    mutating func multiPolygonGeometry(_ geometry: MultiPolygon) {
        raw("{\"type\":\"MultiPolygon\",\"coordinates\":[")
        for (i, polygon) in geometry.polygons.enumerated() {
            if i > 0 { raw(",") }
            polygonRings(polygon)
        }
        raw("]}")
    }

    /// A Polygon with RFC 7946 winding.
    mutating func polygonGeometry(_ polygon: Polygon) {
        raw("{\"type\":\"Polygon\",\"coordinates\":"); polygonRings(polygon); raw("}")
    }

    private mutating func polygonRings(_ polygon: Polygon) {
        raw("[")
        for (i, ring) in polygon.rings.enumerated() {
            if i > 0 { raw(",") }
            let counterClockwise = ring.signedArea > 0
            let oriented = counterClockwise == (i == 0) ? ring : ring.reversed()
            raw("[")
            for (j, c) in oriented.enumerated() {
                if j > 0 { raw(",") }
                position(c)
            }
            raw("]")
        }
        raw("]")
    }
}
