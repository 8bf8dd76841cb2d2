import GridMapGeometry

/// Where a point is and whose it is: the answer to the dispatcher's first question.
public struct Resolution: Sendable {
    public var grid: AdminUnit?
    public var village: AdminUnit?
    public var town: AdminUnit?
    /// Codes of all grids covering the point, ascending (more than one on a shared edge).
    public var candidates: [String]
    /// True when several grids cover the point (it lies on an edge they share).
    public var onBoundary: Bool { candidates.count > 1 }
    /// When no grid covers the point: the nearest grid and its distance in metres.
    public var nearest: (unit: AdminUnit, meters: Double)?
}

/// Resolves WGS84 points against in-memory indexes built from an ``AdminSnapshot``.
///
/// The lowest layer (grids) is resolved first and its village and town are read from the stored
/// hierarchy; only a point that no grid covers is resolved against the village and town layers
/// themselves. Among several covering grids the lowest code wins. Immutable and `Sendable`:
/// share one across all tasks and replace it wholesale when boundaries change.
public final class Resolver: Sendable {
    public let snapshot: AdminSnapshot
    public let gridIndex: PolygonIndex
    /// The grids on the Gauss-Krüger plane of the data's zone, for points no grid covers.
    public let nearestGrids: NearestPolygonIndex
    private let villageIndex: PolygonIndex
    private let townIndex: PolygonIndex
    /// Grids, villages and towns sorted by code (index ids are positions here).
    public let grids: [AdminUnit]
    /// The grids' boundaries in the same order.
    public let gridGeometries: [MultiPolygon]
    /// Villages and towns sorted by code (positions in ``placeOutsideGrids(_:)``).
    public let villages: [AdminUnit]
    public let towns: [AdminUnit]
    /// Position in `villages`/`towns` of each grid's village and town (-1 when missing).
    public let gridVillage: [Int32]
    public let gridTown: [Int32]
    public let villageTown: [Int32]
    private let onDuty: PeopleOnDuty
    /// Each town's router, by town code.
    public let routers: [String: TaxonomyRouter]

    public init(_ snapshot: AdminSnapshot, cellsPerVertex: Double = 2) {
        self.snapshot = snapshot
        let grids = snapshot.grids.sorted { $0.unit.code < $1.unit.code }
        let villages = snapshot.villages.sorted { $0.unit.code < $1.unit.code }
        let towns = snapshot.towns.sorted { $0.unit.code < $1.unit.code }
        gridIndex = PolygonIndex(grids.map(\.geometry), cellsPerVertex: cellsPerVertex)
        villageIndex = PolygonIndex(villages.map(\.geometry), cellsPerVertex: cellsPerVertex)
        townIndex = PolygonIndex(towns.map(\.geometry), cellsPerVertex: cellsPerVertex)
        let centre = (gridIndex.extent ?? townIndex.extent).map { ($0.minX + $0.maxX) / 2 } ?? 120
        nearestGrids = NearestPolygonIndex(grids.map(\.geometry), zone: GaussKrugerZone(longitude: centre))
        self.grids = grids.map(\.unit)
        gridGeometries = grids.map(\.geometry)
        self.villages = villages.map(\.unit)
        self.towns = towns.map(\.unit)
        let villagePosition = Dictionary(uniqueKeysWithValues: villages.enumerated().map { ($1.unit.code, Int32($0)) })
        let townPosition = Dictionary(uniqueKeysWithValues: towns.enumerated().map { ($1.unit.code, Int32($0)) })
        villageTown = villages.map { $0.unit.parentCode.flatMap { townPosition[$0] } ?? -1 }
        let gridVillage = grids.map { $0.unit.parentCode.flatMap { villagePosition[$0] } ?? -1 }
        self.gridVillage = gridVillage
        gridTown = gridVillage.map { [villageTown] v in v >= 0 ? villageTown[Int(v)] : -1 }
        onDuty = PeopleOnDuty(snapshot.people)
        routers = snapshot.taxonomies.mapValues(TaxonomyRouter.init)
    }

    /// Resolves a WGS84 point (the caller converts other systems and checks ranges).
    public func resolve(_ point: Coordinate) -> Resolution {
        let covering = gridIndex.covering(point.x, point.y)
        if let first = covering.first {
            return Resolution(grid: grids[first], village: village(ofGrid: first), town: town(ofGrid: first),
                              candidates: covering.map { grids[$0].code })
        }
        let place = placeOutsideGrids(point)
        return Resolution(grid: nil, village: place.village >= 0 ? villages[place.village] : nil,
                          town: place.town >= 0 ? towns[place.town] : nil, candidates: [],
                          nearest: place.nearest.map { (grids[$0.grid], $0.meters) })
    }

    /// Where a point that no grid covers lies: its nearest grid (position) with the distance in
    /// metres, and the positions of the village covering it and of its town (-1 when none; the
    /// town is the village's, else the town layer's answer).
    public func placeOutsideGrids(_ point: Coordinate) -> (nearest: (grid: Int, meters: Double)?, village: Int, town: Int) {
        let nearest = nearestGrids.nearest(point.x, point.y).map { (grid: $0.polygon, meters: $0.meters) }
        let village = villageIndex.lookup(point.x, point.y).first ?? -1
        let town = village >= 0 && villageTown[village] >= 0 ? Int(villageTown[village])
            : townIndex.lookup(point.x, point.y).first ?? -1
        return (nearest, village, town)
    }

    public func village(ofGrid position: Int) -> AdminUnit? {
        gridVillage[position] >= 0 ? villages[Int(gridVillage[position])] : nil
    }

    public func town(ofGrid position: Int) -> AdminUnit? {
        gridTown[position] >= 0 ? towns[Int(gridTown[position])] : nil
    }

    /// The people on duty for a grid or village (see ``PeopleOnDuty``).
    public func people(of unit: AdminUnit?) -> [Person] { onDuty.people(of: unit) }

    /// True when the point lies inside the layer's extent (used to tell swapped lat/lon apart).
    public func isNearData(_ point: Coordinate, marginDegrees: Double = 0.5) -> Bool {
        guard let e = gridIndex.extent ?? townIndex.extent else { return false }
        return point.x >= e.minX - marginDegrees && point.x <= e.maxX + marginDegrees
            && point.y >= e.minY - marginDegrees && point.y <= e.maxY + marginDegrees
    }
}
