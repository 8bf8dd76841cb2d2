import Foundation

/// A deterministic county- or province-scale grid layer for tests and benchmarks: a jittered
/// lattice whose cells become polygons, every lattice edge densified into a wiggly line shared
/// exactly by the two cells on either side (no gaps, no overlaps), 80–150 vertices per cell.
public struct SyntheticGridLayer: Sendable {
    public var columns: Int
    public var rows: Int
    /// The cells in row-major order (south to north, west to east).
    public var polygons: [MultiPolygon]

    /// - Parameters:
    ///   - count: approximate number of cells; the lattice is made as square as possible.
    ///   - origin: south-west corner, lon/lat degrees.
    ///   - spacing: lattice spacing in degrees (0.005° ≈ 500 m, a typical urban grid).
    public init(count: Int, origin: Coordinate = Coordinate(119.5, 28.0), spacing: Double = 0.005, seed: UInt64 = 42) {
        let cols = Swift.max(1, Int(Double(count).squareRoot().rounded()))
        let rows = Swift.max(1, Int((Double(count) / Double(cols)).rounded(.up)))
        var random = SplitMix64(seed: seed)
        let nodes: [[Coordinate]] = (0...rows).map { j in
            (0...cols).map { i in
                let jitter = { (edge: Bool) in edge ? 0 : (random.unit() - 0.5) * 0.4 * spacing }
                return Coordinate(origin.x + Double(i) * spacing + jitter(i == 0 || i == cols),
                                  origin.y + Double(j) * spacing + jitter(j == 0 || j == rows))
            }
        }
        func line(_ a: Coordinate, _ b: Coordinate, key: UInt64) -> [Coordinate] {
            Self.wigglyLine(from: a, to: b, spacing: spacing, key: key ^ seed)
        }
        // Horizontal edge (i,j)→(i+1,j) and vertical edge (i,j)→(i,j+1), each drawn once.
        let horizontal = (0...rows).map { j in (0..<cols).map { i in
            line(nodes[j][i], nodes[j][i + 1], key: UInt64(j * (cols + 1) + i) << 1) } }
        let vertical = (0..<rows).map { j in (0...cols).map { i in
            line(nodes[j][i], nodes[j + 1][i], key: UInt64(j * (cols + 1) + i) << 1 | 1) } }
        let cells = (0..<rows).flatMap { j in (0..<cols).map { i in
            var ring = horizontal[j][i]                                   // south, west → east
            ring += vertical[j][i + 1].dropFirst()                        // east, south → north
            ring += horizontal[j + 1][i].reversed().dropFirst()           // north, east → west
            ring += vertical[j][i].reversed().dropFirst()                 // west, north → south
            return MultiPolygon([Polygon(exterior: ring)])
        } }
        columns = cols
        self.rows = rows
        polygons = Array(cells.prefix(count))
    }

    /// A line from a to b with 19–36 interior vertices offset sideways by smooth noise that
    /// vanishes at both ends, so lines meeting at a lattice node never cross.
    static func wigglyLine(from a: Coordinate, to b: Coordinate, spacing: Double, key: UInt64) -> [Coordinate] {
        var random = SplitMix64(seed: key &* 0x9E37_79B9_7F4A_7C15)
        let interior = 19 + Int(random.next() % 18)
        let phase1 = random.unit() * 2 * .pi, phase2 = random.unit() * 2 * .pi
        let amplitude = 0.06 * spacing
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        let nx = -dy / length, ny = dx / length
        var points = [a]
        for k in 1...interior {
            let t = Double(k) / Double(interior + 1)
            let offset = amplitude * sin(.pi * t) * (0.7 * sin(3 * .pi * t + phase1) + 0.3 * sin(7 * .pi * t + phase2))
            points.append(Coordinate(a.x + t * dx + offset * nx, a.y + t * dy + offset * ny))
        }
        points.append(b)
        return points
    }
}

/// A small, fast, deterministic pseudo-random generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
