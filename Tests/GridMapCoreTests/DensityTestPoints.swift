import Foundation
import GridMapGeometry

/// Deterministic event points in Gauss-Krüger-sized metres (zone-prefixed easting) for density tests.
enum DensityTestPoints {
    static let origin = Coordinate(40_500_000, 3_100_000)

    /// `count` points uniform over a `size` × `size` metre square.
    static func uniform(_ count: Int, size: Double, seed: UInt64) -> [Coordinate] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in Coordinate(origin.x + random.unit() * size, origin.y + random.unit() * size) }
    }

    /// `count` points in `clusters` Gaussian clusters (spread 50–800 m) over a `size` square.
    static func clustered(_ count: Int, clusters: Int, size: Double, seed: UInt64) -> [Coordinate] {
        var random = SplitMix64(seed: seed)
        let centres = (0..<clusters).map { _ in
            (Coordinate(origin.x + random.unit() * size, origin.y + random.unit() * size), 50 + random.unit() * 750)
        }
        return (0..<count).map { i in
            let (centre, spread) = centres[i % clusters]
            // Box–Muller.
            let radius = spread * (-2 * log(1 - random.unit())).squareRoot(), angle = 2 * .pi * random.unit()
            return Coordinate(centre.x + radius * cos(angle), centre.y + radius * sin(angle))
        }
    }

    /// Uniform weights in [0, 5).
    static func weights(_ count: Int, seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in 5 * random.unit() }
    }
}
