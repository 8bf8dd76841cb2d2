/// A CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534–4554, central meridians 75°E–135°E, false
/// easting 500 km): the metric coordinate system GridMap measures areas and bins in.
public struct GaussKrugerZone: Hashable, Sendable, Comparable {
    /// Central meridian in degrees east, a multiple of 3.
    public let centralMeridian: Int

    /// The zone whose central meridian is nearest to `longitude` (China's zones only).
    public init(longitude: Double) {
        let nearest = Int((longitude / 3).rounded()) * 3
        centralMeridian = min(135, max(75, nearest))
    }

    /// The zone of an EPSG code from ``epsg``.
    public init(epsg: Int) { centralMeridian = 75 + (epsg - 4534) * 3 }

    /// "CGCS2000 / 3-degree Gauss-Kruger CM 120E" is EPSG:4549.
    public var epsg: Int { 4534 + (centralMeridian - 75) / 3 }

    public static func < (a: Self, b: Self) -> Bool { a.centralMeridian < b.centralMeridian }
}
