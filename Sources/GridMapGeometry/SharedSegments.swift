/// Finds the segments that lie inside a union of polygons: each shared by two polygons that lie on
/// its two sides (the same two vertices, one polygon's interior to the left of the segment and the
/// other's to the right). A point no polygon covers has its nearest polygon point on the boundary
/// of their union, never inside such a segment, so a nearest-polygon search may skip them.
/// Segments that only nearly match, or that two overlapping polygons share on the same side, are
/// not reported (keeping a segment is always safe).
struct SharedSegments {
    /// Rings as vertex ranges of one interleaved x, y array (closed: the last vertex repeats the first).
    struct Ring {
        var vertices: Range<Int>
        var polygon: Int32
        var isHole: Bool
    }

    /// For each vertex, whether the segment starting at it is inside the union.
    static func inside(_ degrees: [Double], rings: [Ring]) -> [Bool] {
        var inside = [Bool](repeating: false, count: degrees.count / 2)
        /// An unmatched segment: its start vertex, polygon and side, by a hash of its endpoints.
        var open: [UInt64: (vertex: Int32, polygon: Int32, interiorLeftOfLowToHigh: Bool)] = [:]
        open.reserveCapacity(degrees.count / 8)
        for ring in rings {
            // Exterior rings counter-clockwise and holes clockwise have the polygon on their left.
            let interiorLeft = (signedArea(degrees, ring.vertices) > 0) != ring.isHole
            for k in ring.vertices.lowerBound..<(ring.vertices.upperBound - 1) {
                let a = (degrees[2 * k], degrees[2 * k + 1]), b = (degrees[2 * k + 2], degrees[2 * k + 3])
                guard a != b else { continue }
                let ascending = a < b
                let (low, high) = ascending ? (a, b) : (b, a)
                let key = hash(low, high), side = interiorLeft == ascending
                if let other = open[key] {
                    let o = Int(other.vertex)
                    let c = (degrees[2 * o], degrees[2 * o + 1]), d = (degrees[2 * o + 2], degrees[2 * o + 3])
                    if other.polygon != ring.polygon && other.interiorLeftOfLowToHigh != side && (c == low && d == high || c == high && d == low) {
                        inside[k] = true
                        inside[o] = true
                        open[key] = nil
                        continue
                    }
                }
                open[key] = (Int32(k), ring.polygon, side)
            }
        }
        return inside
    }

    /// Twice the signed area (positive counter-clockwise) of a closed ring.
    private static func signedArea(_ degrees: [Double], _ vertices: Range<Int>) -> Double {
        var sum = 0.0
        for k in vertices.lowerBound..<(vertices.upperBound - 1) {
            sum += degrees[2 * k] * degrees[2 * k + 3] - degrees[2 * k + 2] * degrees[2 * k + 1]
        }
        return sum
    }

    private static func hash(_ a: (Double, Double), _ b: (Double, Double)) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ value: Double) {
            h = (h ^ value.bitPattern) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        mix(a.0); mix(a.1); mix(b.0); mix(b.1)
        return h
    }
}
