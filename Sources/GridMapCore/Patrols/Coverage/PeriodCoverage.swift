import GridMapGeometry

/// One grid's coverage over a period, assembled from its stored days.
public struct PeriodCoverage: Sendable {
    public var grid: String
    /// Grid area, m² (Gauss-Krüger).
    public var area: Double
    public var coveredArea: Double
    public var length: Double
    public var dwellSeconds: Double
    public var stops: Int
    public var visits: [Visit]
    public var members: [String]
    public var compliance: Compliance
    /// The covered part, in metres of the grid's zone.
    public var covered: MultiPolygon

    public var coveredFraction: Double { area > 0 ? min(1, coveredArea / area) : 0 }

    /// Unites the days' covered parts (GEOS) and adds up their figures. Visits that continue
    /// over midnight are merged again with `visitGap`.
    public init(grid: String, area: Double, days: [GridDayCoverage], period: [PatrolDay], frequency: PatrolFrequency,
                visitGap: Int64, context: GEOSContext) throws {
        self.grid = grid
        self.area = area
        let parts = days.map(\.covered).filter { !$0.polygons.isEmpty }
        covered = parts.count <= 1 ? parts.first ?? MultiPolygon([]) : try context.union(parts.map { try context.geometry($0) }).polygons()
        coveredArea = covered.planarArea
        length = days.reduce(0) { $0 + $1.length }
        dwellSeconds = days.reduce(0) { $0 + $1.dwellSeconds }
        stops = days.reduce(0) { $0 + $1.stops }
        visits = Visit.merged(days.flatMap(\.visits), gap: visitGap)
        members = Set(days.flatMap(\.members)).sorted()
        compliance = Compliance(frequency: frequency, days: period, visits: visits)
    }

    /// The uncovered parts of `gridMetric` (the grid in metres of `projection`'s zone) in WGS84:
    /// valid polygons, coordinates rounded to 1e-7° with the topology kept, each with its area in m².
    public func gaps(gridMetric: MultiPolygon, projection: MetricProjection, context: GEOSContext) throws -> [(polygon: Polygon, area: Double)] {
        let shape = try context.geometry(gridMetric)
        let uncovered = covered.polygons.isEmpty ? shape : try shape.difference(try context.geometry(covered))
        // GEOS 3.11's precision reduction can fail on intricate polygons ("unable to assign free
        // hole to a shell"): then the coordinates are rounded first and the polygon repaired.
        let degrees = try uncovered.polygons().polygons.flatMap { part in
            let wgs84 = MultiPolygon([part]).mapCoordinates(projection.inverse)
            let snapped = try? context.geometry(wgs84).snapped(toGrid: 1e-7)
            return try (snapped ?? context.geometry(wgs84, transform: { Coordinate(($0.x * 1e7).rounded() / 1e7, ($0.y * 1e7).rounded() / 1e7) })
                .madeValidByStructure()).polygons().polygons
        }
        return degrees.map { ($0, MultiPolygon([$0]).mapCoordinates(projection.forward).planarArea) }
    }
}
