/// The side of a directed segment a point lies on.
///
/// Computed exactly as GEOS's `CGAlgorithmsDD::orientationIndex` (a floating-point filter, then
/// double-double arithmetic), so that point-in-polygon answers agree bit for bit with GEOS and
/// therefore with SpatiaLite's `ST_Covers`.
public enum Orientation: Int, Sendable {
    case clockwise = -1, collinear = 0, counterClockwise = 1

    /// Orientation of `q` relative to the directed segment `p1 → p2`.
    @inlinable
    public static func of(_ p1x: Double, _ p1y: Double, _ p2x: Double, _ p2y: Double,
                          _ qx: Double, _ qy: Double) -> Int {
        if let fast = filtered(p1x, p1y, p2x, p2y, qx, qy) { return fast }
        let dx1 = DoubleDouble(p2x) + DoubleDouble(-p1x)
        let dy1 = DoubleDouble(p2y) + DoubleDouble(-p1y)
        let dx2 = DoubleDouble(qx) + DoubleDouble(-p2x)
        let dy2 = DoubleDouble(qy) + DoubleDouble(-p2y)
        return ((dx1 * dy2) - (dy1 * dx2)).signum
    }

    /// GEOS's `orientationIndexFilter`: the sign when plain doubles are safely decisive, else nil.
    @usableFromInline
    static func filtered(_ pax: Double, _ pay: Double, _ pbx: Double, _ pby: Double,
                         _ pcx: Double, _ pcy: Double) -> Int? {
        let detLeft = (pax - pcx) * (pby - pcy)
        let detRight = (pay - pcy) * (pbx - pcx)
        let det = detLeft - detRight
        let detSum: Double
        if detLeft > 0 {
            if detRight <= 0 { return sign(det) }
            detSum = detLeft + detRight
        } else if detLeft < 0 {
            if detRight >= 0 { return sign(det) }
            detSum = -detLeft - detRight
        } else {
            return sign(det)
        }
        let errorBound = 1e-15 * detSum
        if det >= errorBound || -det >= errorBound { return sign(det) }
        return nil
    }

    @usableFromInline
    static func sign(_ x: Double) -> Int { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}

/// Double-double arithmetic with the exact operation order of GEOS's `geos::math::DD`.
@usableFromInline
struct DoubleDouble {
    @usableFromInline var hi: Double
    @usableFromInline var lo: Double

    @usableFromInline init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    @usableFromInline var signum: Int {
        if hi > 0 { return 1 }
        if hi < 0 { return -1 }
        if lo > 0 { return 1 }
        if lo < 0 { return -1 }
        return 0
    }

    @usableFromInline static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let S = x.hi + y.hi
        let T = x.lo + y.lo
        var e = S - x.hi
        let f = T - x.lo
        var s = S - e
        var t = T - f
        s = (y.hi - e) + (x.hi - s)
        t = (y.lo - f) + (x.lo - t)
        e = s + T
        let H = S + e
        let h = e + (S - H)
        e = t + h
        let zhi = H + e
        return DoubleDouble(zhi, e + (H - zhi))
    }

    @usableFromInline static func - (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        x + DoubleDouble(-y.hi, -y.lo)
    }

    @usableFromInline static func * (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let split = 134_217_729.0
        var C = split * x.hi
        var hx = C - x.hi
        var c = split * y.hi
        hx = C - hx
        let tx = x.hi - hx
        var hy = c - y.hi
        C = x.hi * y.hi
        hy = c - hy
        let ty = y.hi - hy
        c = ((((hx * hy - C) + hx * ty) + tx * hy) + tx * ty) + (x.hi * y.lo + x.lo * y.hi)
        let zhi = C + c
        hx = C - zhi
        return DoubleDouble(zhi, c + hx)
    }
}
