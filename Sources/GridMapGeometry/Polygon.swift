/// A closed ring: the first coordinate is repeated as the last one.
public typealias Ring = [Coordinate]

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
