/// A closed ring: the first coordinate is repeated as the last one.
public typealias Ring = [Coordinate]

extension Ring {
    /// The shoelace area: positive when counter-clockwise (x east, y north). Taken relative to the
    /// first vertex, so that large projected coordinates lose no precision.
    public var signedArea: Double {
        guard let origin = first else { return 0 }
        var twice = 0.0
        for (a, b) in zip(self, dropFirst()) {
            twice += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return twice / 2
    }
}

/// A polygon: an exterior ring and zero or more holes (RFC 7946 / OGC simple features).
public struct Polygon: Hashable, Sendable {
    public var exterior: Ring
    public var holes: [Ring]

    public init(exterior: Ring, holes: [Ring] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    public var rings: [Ring] { [exterior] + holes }
}

/// One or more polygons with disjoint interiors. Every stored boundary is a MultiPolygon.
public struct MultiPolygon: Hashable, Sendable {
    public var polygons: [Polygon]

    public init(_ polygons: [Polygon]) {
        self.polygons = polygons
    }

    /// Every ring of every polygon, exterior rings and holes alike.
    public var rings: [Ring] { polygons.flatMap(\.rings) }

    public var boundingBox: BoundingBox? { BoundingBox(polygons.lazy.flatMap(\.exterior)) }

    public var vertexCount: Int { rings.reduce(0) { $0 + $1.count } }
}
