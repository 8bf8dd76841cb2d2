import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// Stores a batch of fixes (see ``ingestPatrols(_:source:format:cleaning:)``), then computes
    /// the coverage of the days it changed at `options.radius`. Fixes whose longitude and latitude
    /// look swapped are refused first (`PatrolParseError` `lat_lon_swapped`), and nothing is stored.
    public func importPatrols(_ fixes: [PatrolFix], source: String, format: String, cleaning: TrackCleaning,
                              options: CoverageOptions, resolvers: HistoricalResolvers) throws -> PatrolIngest {
        // Refused before anything is stored: fixes with longitude and latitude swapped, and a radius
        // too small for a grid's raster.
        let current = try resolvers.resolver(at: Timestamp.now())
        try PatrolFile.checkSwapped(fixes, against: current)
        try CoverageGrids(resolver: current).checkRasters(radius: options.radius)
        let ingest = try ingestPatrols(fixes, source: source, format: format, cleaning: cleaning)
        if let first = ingest.days.first, let last = ingest.days.last {
            try updateCoverage(days: first...last, options: options, resolvers: resolvers)
        }
        return ingest
    }

    /// Coverage of the scope's grids over the days `period` (Beijing days), first bringing stale
    /// days up to date. Grids are those valid at the end of the period.
    public func coverageReport(period: ClosedRange<PatrolDay>, scope: CoverageScope, options: CoverageOptions,
                               frequency: PatrolFrequency?, withGaps: Bool,
                               resolvers: HistoricalResolvers) throws -> [GridCoverageRow] {
        try updateCoverage(days: period, options: options, resolvers: resolvers)
        let resolver = try resolvers.resolver(at: Timestamp.format(milliseconds: period.upperBound.end - 1))
        let report = CoverageReport(resolver: resolver, grids: try CoverageGrids(resolver: resolver),
                                    frequencies: try patrolFrequencies(), frequencyOverride: frequency, visitGap: options.visitGap)
        return try report.rows(scope: scope, period: (period.lowerBound.number...period.upperBound.number).map(PatrolDay.init(number:)),
                               days: try gridDays(period, radius: options.radius),
                               lastVisits: try lastVisits(through: period.upperBound, radius: options.radius), withGaps: withGaps)
    }
}
