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

extension MultiPolygon {
    /// Every coordinate mapped (e.g. projected to metres and back).
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> MultiPolygon {
        MultiPolygon(polygons.map { Polygon(exterior: $0.exterior.map(transform), holes: $0.holes.map { $0.map(transform) }) })
    }

    /// Area on the coordinate plane, holes subtracted (m² for projected coordinates).
    public var planarArea: Double {
        polygons.reduce(0) { total, polygon in
            total + abs(polygon.exterior.signedArea) - polygon.holes.reduce(0) { $0 + abs($1.signedArea) }
        }
    }
}

extension MultiPolygon {
    /// The same polygons with exterior rings counter-clockwise and holes clockwise (RFC 7946,
    /// GeoPackage), or the other way round (Shapefile) when `exteriorCounterClockwise` is false.
    public func oriented(exteriorCounterClockwise: Bool) -> MultiPolygon {
        func orient(_ ring: Ring, counterClockwise: Bool) -> Ring {
            (ring.signedArea > 0) == counterClockwise ? ring : ring.reversed()
        }
        return MultiPolygon(polygons.map { polygon in
            Polygon(exterior: orient(polygon.exterior, counterClockwise: exteriorCounterClockwise),
                    holes: polygon.holes.map { orient($0, counterClockwise: !exteriorCounterClockwise) })
        })
    }
}
