import GridMapGeometry

/// Which grids a coverage report covers: a grid, a village's or a town's grids, or all.
public struct CoverageScope: Sendable {
    public var town: String?
    public var village: String?
    public var grid: String?

    public init(town: String? = nil, village: String? = nil, grid: String? = nil) {
        self.town = town
        self.village = village
        self.grid = grid
    }

    /// The first code of the scope that no unit of its level has in `snapshot`.
    public func unknownUnit(in snapshot: AdminSnapshot) -> (level: AdminLevel, code: String)? {
        for (level, code) in [(AdminLevel.town, town), (.village, village), (.grid, grid)] {
            if let code, !snapshot.boundaries(level).contains(where: { $0.unit.code == code }) { return (level, code) }
        }
        return nil
    }
}

/// One grid's line of a coverage report.
public struct GridCoverageRow: Sendable {
    public var grid: AdminUnit
    public var village: AdminUnit?
    public var town: AdminUnit?
    /// The grid's boundary (WGS84).
    public var geometry: MultiPolygon
    public var coverage: PeriodCoverage
    /// End of the last visit up to the end of the period (UTC ms), looking back before it too.
    public var lastVisit: Int64?
    /// Blind spots (WGS84) with their areas in m², largest first, when asked for.
    public var gaps: [Gap]

    public struct Gap: Sendable {
        public var polygon: Polygon
        public var area: Double
    }
}

/// Assembles a period's report from stored grid-days, on all cores.
public struct CoverageReport: Sendable {
    public var resolver: Resolver
    public var grids: CoverageGrids
    /// Required frequency by unit code (grid, village or town; the most specific wins; default daily).
    public var frequencies: [String: PatrolFrequency]
    /// Overrides every unit's frequency when set.
    public var frequencyOverride: PatrolFrequency?
    public var visitGap: Int64

    public init(resolver: Resolver, grids: CoverageGrids, frequencies: [String: PatrolFrequency],
                frequencyOverride: PatrolFrequency?, visitGap: Int64) {
        self.resolver = resolver
        self.grids = grids
        self.frequencies = frequencies
        self.frequencyOverride = frequencyOverride
        self.visitGap = visitGap
    }

    /// Every grid of the scope (valid at the end of the period), in code order, including grids
    /// nobody visited.
    public func rows(scope: CoverageScope, period: [PatrolDay], days: [GridDayCoverage], lastVisits: [String: Int64],
                     withGaps: Bool) throws -> [GridCoverageRow] {
        let daysByGrid = Dictionary(grouping: days, by: \.grid)
        let positions = resolver.grids.indices.filter { position in
            let unit = resolver.grids[position]
            return (scope.grid == nil || scope.grid == unit.code) && (scope.village == nil || scope.village == unit.parentCode)
                && (scope.town == nil || scope.town == resolver.town(ofGrid: position)?.code)
        }
        return try Parallel.map(positions) { position in
            let unit = resolver.grids[position]
            let village = resolver.village(ofGrid: position), town = resolver.town(ofGrid: position)
            let context = GEOSContext()
            let coverage = try PeriodCoverage(grid: unit.code, area: grids.areas[position], days: daysByGrid[unit.code] ?? [],
                                              period: period, frequency: frequency(grid: unit.code, village: village?.code, town: town?.code),
                                              visitGap: visitGap, context: context)
            var gaps: [GridCoverageRow.Gap] = []
            if withGaps {
                gaps = try MetricProjectionPool.shared.withProjections { projections in
                    try coverage.gaps(gridMetric: grids.metric[position], projection: projections.projection(grids.zones[position]),
                                      context: context)
                }.map { GridCoverageRow.Gap(polygon: $0.polygon, area: $0.area) }.sorted { $0.area > $1.area }
            }
            return GridCoverageRow(grid: unit, village: village, town: town, geometry: resolver.gridGeometries[position],
                                   coverage: coverage, lastVisit: lastVisits[unit.code], gaps: gaps)
        }
    }

    private func frequency(grid: String, village: String?, town: String?) -> PatrolFrequency {
        frequencyOverride ?? frequencies[grid] ?? village.flatMap { frequencies[$0] } ?? town.flatMap { frequencies[$0] } ?? .daily
    }
}
