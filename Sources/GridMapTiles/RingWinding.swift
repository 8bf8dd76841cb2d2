/// Ring orientation in tile coordinates (y down), as MVT 2.1 defines it: by the surveyor's
/// (shoelace) formula an exterior ring has a positive area — clockwise as drawn on screen — and
/// an interior ring a negative one.
enum RingWinding {
    /// Twice the signed shoelace area of an open ring (exact on the integer grid).
    static func doubledArea(_ ring: [TilePoint]) -> Int {
        guard var previous = ring.last else { return 0 }
        var sum = 0
        for p in ring {
            sum += previous.x * p.y - p.x * previous.y
            previous = p
        }
        return sum
    }

    /// The open ring wound as an exterior (positive) or interior (negative) ring, or nil when it
    /// is degenerate: fewer than three points or no area.
    static func oriented(_ ring: [TilePoint], exterior: Bool) -> [TilePoint]? {
        guard ring.count >= 3 else { return nil }
        let area = doubledArea(ring)
        guard area != 0 else { return nil }
        return (area > 0) == exterior ? ring : ring.reversed()
    }
}
