import Foundation

/// The coordinate systems events arrive in.
///
/// CGCS2000 (EPSG:4490) lon/lat is treated as WGS84: the two differ by centimetres, far below
/// what grid resolution needs. GCJ-02 (Amap, Tencent, WeChat) and BD-09 (Baidu) are the obfuscated
/// systems of Chinese consumer maps, offset by ~300–600 m in Zhejiang; they are converted to
/// WGS84 with an iterative inverse of the published forward transforms. Points outside China are
/// not shifted by those systems, so they are returned unchanged.
public enum CoordinateSystem: String, CaseIterable, Sendable, Codable {
    case wgs84, cgcs2000, gcj02, bd09

    /// True when coordinates in this system are used as WGS84 without conversion.
    public var keepsCoordinates: Bool { self == .wgs84 || self == .cgcs2000 }

    /// Converts a coordinate in this system to WGS84.
    public func toWGS84(_ c: Coordinate) -> Coordinate {
        switch self {
        case .wgs84, .cgcs2000: return c
        case .gcj02: return ChineseMapOffsets.invert(c, forward: ChineseMapOffsets.wgs84ToGCJ02)
        case .bd09: return ChineseMapOffsets.invert(c) {
            ChineseMapOffsets.gcj02ToBD09(ChineseMapOffsets.wgs84ToGCJ02($0))
        }
        }
    }

    /// Converts a WGS84 coordinate into this system (the forward transform).
    public func fromWGS84(_ c: Coordinate) -> Coordinate {
        switch self {
        case .wgs84, .cgcs2000: return c
        case .gcj02: return ChineseMapOffsets.wgs84ToGCJ02(c)
        case .bd09: return ChineseMapOffsets.gcj02ToBD09(ChineseMapOffsets.wgs84ToGCJ02(c))
        }
    }
}

/// The GCJ-02 and BD-09 forward transforms (as published and widely reimplemented) and a
/// fixed-point inverse that converges to well under a millimetre in a few iterations.
enum ChineseMapOffsets {
    static let semiMajorAxis = 6_378_245.0
    static let eccentricitySquared = 0.006_693_421_622_965_943_23
    static let baiduPi = Double.pi * 3000.0 / 180.0

    /// The rough rectangle inside which the Chinese offsets are applied.
    static func isInChina(_ c: Coordinate) -> Bool {
        c.x >= 72.004 && c.x <= 137.8347 && c.y >= 0.8293 && c.y <= 55.8271
    }

    static func wgs84ToGCJ02(_ c: Coordinate) -> Coordinate {
        guard isInChina(c) else { return c }
        let x = c.x - 105.0, y = c.y - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        dLat += (160.0 * sin(y / 12.0 * .pi) + 320 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLon += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        dLon += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        let radLat = c.y / 180.0 * .pi
        let magic = 1 - eccentricitySquared * sin(radLat) * sin(radLat)
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (semiMajorAxis / sqrtMagic * cos(radLat) * .pi)
        return Coordinate(c.x + dLon, c.y + dLat)
    }

    static func gcj02ToBD09(_ c: Coordinate) -> Coordinate {
        guard isInChina(c) else { return c }
        let z = (c.x * c.x + c.y * c.y).squareRoot() + 0.000_02 * sin(c.y * baiduPi)
        let theta = atan2(c.y, c.x) + 0.000_003 * cos(c.x * baiduPi)
        return Coordinate(z * cos(theta) + 0.0065, z * sin(theta) + 0.006)
    }

    /// Solves forward(w) = target for w by fixed-point iteration (the offsets vary slowly, so
    /// each step shrinks the error by orders of magnitude). Outside China: unchanged.
    static func invert(_ target: Coordinate, forward: (Coordinate) -> Coordinate) -> Coordinate {
        guard isInChina(target) else { return target }
        var w = target
        for _ in 0..<30 {
            let f = forward(w)
            let dx = f.x - target.x, dy = f.y - target.y
            w = Coordinate(w.x - dx, w.y - dy)
            if abs(dx) < 1e-12 && abs(dy) < 1e-12 { break }
        }
        return w
    }
}
