/// Where a point lies relative to an areal geometry.
public enum Location: Sendable {
    case interior, boundary, exterior
}

/// Counts crossings of a rightward horizontal ray from `point` with polygon edges: GEOS's
/// `RayCrossingCounter`, rule for rule (vertex equality, horizontal edges, half-open crossing
/// convention, exact orientation), so the resulting location matches GEOS for every double.
@usableFromInline
struct RayCrossingCounter {
    @usableFromInline let px: Double
    @usableFromInline let py: Double
    @usableFromInline var crossings = 0
    @usableFromInline var onSegment = false

    @inlinable init(_ px: Double, _ py: Double) {
        self.px = px
        self.py = py
    }

    @inlinable mutating func count(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
        if x1 < px && x2 < px { return }
        if px == x2 && py == y2 { onSegment = true; return }
        if y1 == py && y2 == py {
            if px >= Swift.min(x1, x2) && px <= Swift.max(x1, x2) { onSegment = true }
            return
        }
        if (y1 > py && y2 <= py) || (y2 > py && y1 <= py) {
            var sign = Orientation.of(x1, y1, x2, y2, px, py)
            if sign == 0 { onSegment = true; return }
            if y2 < y1 { sign = -sign }
            if sign > 0 { crossings += 1 }
        }
    }

    @inlinable var location: Location {
        if onSegment { return .boundary }
        return crossings & 1 == 1 ? .interior : .exterior
    }
}

extension MultiPolygon {
    /// The location of `c` by a full scan of every edge (the reference the index is checked against).
    public func locate(_ c: Coordinate) -> Location {
        var counter = RayCrossingCounter(c.x, c.y)
        for ring in rings {
            for i in 1..<ring.count {
                counter.count(ring[i - 1].x, ring[i - 1].y, ring[i].x, ring[i].y)
                if counter.onSegment { return .boundary }
            }
        }
        return counter.location
    }

    /// True when `c` lies in the interior or on the boundary (OGC "covers").
    public func covers(_ c: Coordinate) -> Bool { locate(c) != .exterior }
}
