import Foundation
import GridMapGeometry
import GridMapTiles

/// Test geometry placed on a tile: shapes are described in tile fractions (0…1 across the tile,
/// y down, beyond 0…1 off the tile) and turned into WGS84 with the independent slippy-map
/// formulas.
struct TileShapes {
    let tile: TileID

    /// The WGS84 coordinate at tile fractions (fx, fy).
    func coordinate(_ fx: Double, _ fy: Double) -> Coordinate {
        Coordinate(SlippyMap.longitude(Double(tile.x) + fx, zoom: tile.z), SlippyMap.latitude(Double(tile.y) + fy, zoom: tile.z))
    }

    /// A closed ring through tile fractions.
    func ring(_ fractions: [(Double, Double)]) -> Ring {
        let points = fractions.map { coordinate($0.0, $0.1) }
        return points + [points[0]]
    }

    /// A closed, wavy ring around a centre: `vertices` points at `radius` (in tile fractions)
    /// varied by `wave` with `lobes` waves around.
    func blob(_ cx: Double, _ cy: Double, radius: Double, vertices: Int = 360, wave: Double = 0.15, lobes: Int = 7) -> Ring {
        ring((0..<vertices).map { i in
            let angle = 2 * Double.pi * Double(i) / Double(vertices)
            let r = radius * (1 + wave * sin(Double(lobes) * angle))
            return (cx + r * cos(angle), cy + r * sin(angle))
        })
    }

    /// A rectangle between two corners in tile fractions.
    func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Ring {
        ring([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    }
}

/// Comparisons of decoded and expected geometry with real GEOS.
enum GeometryComparison {
    /// A box as a polygon.
    static func polygon(_ box: BoundingBox) -> MultiPolygon {
        let corners = [Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.minY),
                       Coordinate(box.maxX, box.maxY), Coordinate(box.minX, box.maxY)]
        return MultiPolygon([Polygon(exterior: corners + [corners[0]])])
    }

    /// Discrete Hausdorff distance between two polygonal geometries.
    static func hausdorff(_ a: MultiPolygon, _ b: MultiPolygon, _ geos: GEOSContext) throws -> Double {
        try geos.geometry(a).hausdorffDistance(geos.geometry(b))
    }

    /// The area covered by exactly one of the two.
    static func symmetricDifferenceArea(_ a: MultiPolygon, _ b: MultiPolygon, _ geos: GEOSContext) throws -> Double {
        let (ga, gb) = (try geos.geometry(a), try geos.geometry(b))
        return try ga.difference(gb).area + gb.difference(ga).area
    }

    /// The length of all rings.
    static func perimeter(_ value: MultiPolygon) -> Double {
        value.rings.reduce(0) { sum, ring in
            zip(ring, ring.dropFirst()).reduce(sum) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
        }
    }
}
