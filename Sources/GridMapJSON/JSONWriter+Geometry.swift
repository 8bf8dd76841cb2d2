import Foundation
import GridMapGeometry

extension JSONWriter {
    /// A position rounded to `decimals` (default 7, about 1 cm: RFC 7946's advice); nil keeps
    /// every digit (stored records, which must read back as they were).
    public mutating func position(_ c: Coordinate, decimals: Int? = 7) {
        guard let decimals else {
            raw("["); number(c.x); raw(","); number(c.y); raw("]")
            return
        }
        let scale = Self.scales[decimals]
        raw("["); number((c.x * scale).rounded() / scale); raw(","); number((c.y * scale).rounded() / scale); raw("]")
    }

    /// Powers of ten for rounding positions and figures to 0…15 decimals.
    public static let scales = (0...15).map { pow(10, Double($0)) }

    /// `value` rounded to `decimals` (0…15): figures as answers give them.
    public static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale = scales[decimals]
        return (value * scale).rounded() / scale
    }

    /// A Point geometry at `c`, rounded as ``position(_:decimals:)`` rounds.
    public mutating func pointGeometry(_ c: Coordinate, decimals: Int? = 7) {
        raw("{\"type\":\"Point\",\"coordinates\":"); position(c, decimals: decimals); raw("}")
    }

    /// A MultiPolygon with RFC 7946 winding: exterior rings counter-clockwise, holes clockwise.
    public mutating func multiPolygonGeometry(_ geometry: MultiPolygon, decimals: Int? = 7) {
        raw("{\"type\":\"MultiPolygon\",\"coordinates\":")
        array(geometry.polygons) { $0.polygonRings($1, decimals: decimals) }
        raw("}")
    }

    /// A LineString through `line`'s positions, rounded as ``position(_:decimals:)`` rounds.
    public mutating func lineStringGeometry(_ line: [Coordinate], decimals: Int? = 7) {
        raw("{\"type\":\"LineString\",\"coordinates\":"); array(line) { $0.position($1, decimals: decimals) }; raw("}")
    }

    /// A Polygon with RFC 7946 winding.
    public mutating func polygonGeometry(_ polygon: Polygon) {
        raw("{\"type\":\"Polygon\",\"coordinates\":"); polygonRings(polygon, decimals: 7); raw("}")
    }

    private mutating func polygonRings(_ polygon: Polygon, decimals: Int?) {
        array(polygon.rings.enumerated()) { json, ring in
            let counterClockwise = ring.element.signedArea > 0
            let oriented = counterClockwise == (ring.offset == 0) ? ring.element : ring.element.reversed()
            json.array(oriented) { $0.position($1, decimals: decimals) }
        }
    }
}
