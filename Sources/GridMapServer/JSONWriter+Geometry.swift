import Foundation
import GridMapGeometry

extension JSONWriter {
    /// A position rounded to `decimals` (default 7, about 1 cm: RFC 7946's advice).
    mutating func position(_ c: Coordinate, decimals: Int = 7) {
        let scale = Self.scales[decimals]
        raw("["); number((c.x * scale).rounded() / scale); raw(","); number((c.y * scale).rounded() / scale); raw("]")
    }

    /// Powers of ten for rounding positions to 0…15 decimals.
    static let scales = (0...15).map { pow(10, Double($0)) }

    mutating func pointGeometry(_ c: Coordinate, decimals: Int = 7) {
        raw("{\"type\":\"Point\",\"coordinates\":"); position(c, decimals: decimals); raw("}")
    }

    /// A MultiPolygon with RFC 7946 winding: exterior rings counter-clockwise, holes clockwise.
    mutating func multiPolygonGeometry(_ geometry: MultiPolygon, decimals: Int = 7) {
        raw("{\"type\":\"MultiPolygon\",\"coordinates\":[")
        for (i, polygon) in geometry.polygons.enumerated() {
            if i > 0 { raw(",") }
            polygonRings(polygon, decimals: decimals)
        }
        raw("]}")
    }

    /// A Polygon with RFC 7946 winding.
    mutating func polygonGeometry(_ polygon: Polygon) {
        raw("{\"type\":\"Polygon\",\"coordinates\":"); polygonRings(polygon, decimals: 7); raw("}")
    }

    private mutating func polygonRings(_ polygon: Polygon, decimals: Int) {
        raw("[")
        for (i, ring) in polygon.rings.enumerated() {
            if i > 0 { raw(",") }
            let counterClockwise = ring.signedArea > 0
            let oriented = counterClockwise == (i == 0) ? ring : ring.reversed()
            raw("[")
            for (j, c) in oriented.enumerated() {
                if j > 0 { raw(",") }
                position(c, decimals: decimals)
            }
            raw("]")
        }
        raw("]")
    }
}
