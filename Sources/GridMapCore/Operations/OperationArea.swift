import GridMapGeometry

/// Where a joint operation acts, as the command room gives it.
public enum OperationArea: Sendable, Equatable {
    case polygon(MultiPolygon)
    case grids([String])
    case villages([String])

    public enum Kind: String, Sendable, CaseIterable {
        case polygon, grids, villages
    }

    public var kind: Kind {
        switch self {
        case .polygon: .polygon
        case .grids: .grids
        case .villages: .villages
        }
    }

    /// The grids of `snapshot` this area covers and the area's outline: for a polygon (valid by
    /// OGC rules, else ``OperationError/invalidArea(_:)`` with GEOS's reason), the grids it
    /// intersects (GEOS, exact) and the polygon itself; for grids or villages, those grids (every
    /// one known, else ``OperationError``) and the union of their outlines.
    public func resolve(in snapshot: AdminSnapshot) throws -> (grids: [Boundary], outline: MultiPolygon) {
        let geos = GEOSContext()
        switch self {
        case .polygon(let polygon):
            guard let box = polygon.boundingBox else { throw OperationError.emptyArea }
            let shape = try geos.geometry(polygon)
            if let reason = shape.invalidityReason { throw OperationError.invalidArea(reason) }
            let covered = try snapshot.grids.filter { grid in
                guard let gridBox = grid.geometry.boundingBox, gridBox.intersects(box) else { return false }
                return shape.intersects(try geos.geometry(grid.geometry))
            }
            guard !covered.isEmpty else { throw OperationError.coversNoGrid }
            return (covered, polygon)
        case .grids(let codes):
            let byCode = Dictionary(snapshot.grids.map { ($0.unit.code, $0) }) { first, _ in first }
            let grids = try codes.map { code in
                guard let grid = byCode[code] else { throw OperationError.unknownUnit("grid", code) }
                return grid
            }
            return (grids, try Self.union(grids, geos))
        case .villages(let codes):
            let known = Set(snapshot.villages.map(\.unit.code))
            if let unknown = codes.first(where: { !known.contains($0) }) { throw OperationError.unknownUnit("village", unknown) }
            let wanted = Set(codes)
            let grids = snapshot.grids.filter { $0.unit.parentCode.map(wanted.contains) ?? false }
            guard !grids.isEmpty else { throw OperationError.coversNoGrid }
            return (grids, try Self.union(grids, geos))
        }
    }

    private static func union(_ grids: [Boundary], _ geos: GEOSContext) throws -> MultiPolygon {
        guard !grids.isEmpty else { throw OperationError.emptyArea }
        return try geos.union(grids.map { try geos.geometry($0.geometry) }).polygons()
    }
}
