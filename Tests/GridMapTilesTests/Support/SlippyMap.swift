import Foundation
import GridMapGeometry

/// The OpenStreetMap wiki's tile formulas (sinh form), written apart from `WebMercator` so the
/// tests have an independent reference for tile edges.
enum SlippyMap {
    /// The longitude of a (fractional) column edge.
    static func longitude(_ x: Double, zoom: Int) -> Double { x / Double(1 << zoom) * 360 - 180 }

    /// The latitude of a (fractional) row edge.
    static func latitude(_ y: Double, zoom: Int) -> Double {
        atan(sinh(.pi * (1 - 2 * y / Double(1 << zoom)))) * 180 / .pi
    }

    /// The WGS84 box of a tile grown by `buffer` units of `extent` on every side.
    static func box(z: Int, x: Int, y: Int, buffer: Int = 0, extent: Int = 4096) -> BoundingBox {
        let margin = Double(buffer) / Double(extent)
        return BoundingBox(minX: longitude(Double(x) - margin, zoom: z), minY: latitude(Double(y + 1) + margin, zoom: z),
                           maxX: longitude(Double(x + 1) + margin, zoom: z), maxY: latitude(Double(y) - margin, zoom: z))
    }

    /// One tile unit in degrees of longitude (a unit of latitude is shorter).
    static func unitDegrees(zoom: Int, extent: Int = 4096) -> Double { 360 / Double(1 << zoom) / Double(extent) }
}
