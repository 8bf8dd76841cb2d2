import Foundation
import GridMapGeometry

/// Spherical Web Mercator (EPSG:3857), the projection of web map tiles.
public enum WebMercator {
    /// Radius of the sphere, metres (the WGS84 semi-major axis).
    public static let radius = 6_378_137.0
    /// Half the width of the projected world, metres: x and y run from -halfWorld to +halfWorld.
    public static let halfWorld = Double.pi * radius
    /// The latitude at which the projected world is square; latitudes beyond are clamped to it.
    public static let maxLatitude = 85.0511287798

    /// Metres east and north of (0°, 0°); the latitude is clamped to ±``maxLatitude``.
    public static func project(_ c: Coordinate) -> Coordinate {
        let latitude = min(max(c.latitude, -maxLatitude), maxLatitude) * .pi / 180
        return Coordinate(radius * c.longitude * .pi / 180, radius * log(tan(.pi / 4 + latitude / 2)))
    }

    /// The longitude and latitude of a projected point.
    public static func unproject(_ p: Coordinate) -> Coordinate {
        Coordinate(p.x / radius * 180 / .pi, (2 * atan(exp(p.y / radius)) - .pi / 2) * 180 / .pi)
    }
}
