/// Patrol imports and coverage reports over any ``PatrolRepository``: which days to compute,
/// with which boundaries, and in what order to refuse, store and compute.
extension PatrolRepository {
    /// Stores a batch of fixes (``PatrolRepository/ingestPatrols(_:source:format:cleaning:)``),
    /// then computes the coverage of the days it changed at `options.radius`. Refused first, with
    /// nothing stored: fixes whose longitude and latitude look swapped (`PatrolParseError`
    /// `lat_lon_swapped`) and a radius too small for a grid's raster.
    public func importPatrols(_ fixes: [PatrolFix], source: String, format: String, cleaning: TrackCleaning,
                              options: CoverageOptions, resolvers: HistoricalResolvers) throws -> PatrolIngest {
        let current = try resolvers.resolver(at: .now())
        try PatrolFile.checkSwapped(fixes, against: current)
        try CoverageGrids(resolver: current).checkRasters(radius: options.radius)
        let ingest = try ingestPatrols(fixes, source: source, format: format, cleaning: cleaning)
        if let first = ingest.days.first, let last = ingest.days.last {
            try updateCoverage(days: first...last, options: options, resolvers: resolvers)
        }
        return ingest
    }

    /// Computes and stores the coverage of every day (in `days`, or all) whose tracks changed
    /// since its coverage at `options.radius` was last computed; other days are left alone. Each
    /// day is computed with the grid boundaries valid at its start. Returns the days computed.
    @discardableResult
    public func updateCoverage(days: ClosedRange<PatrolDay>? = nil, options: CoverageOptions,
                               resolvers: HistoricalResolvers) throws -> [PatrolDay] {
        let stale = try staleCoverageDays(days, radius: options.radius)
        var gridsByResolver: [ObjectIdentifier: CoverageGrids] = [:]
        for day in stale {
            let resolver = try resolvers.resolver(at: Instant(milliseconds: day.start))
            let grids = try gridsByResolver[ObjectIdentifier(resolver)] ?? {
                let grids = try CoverageGrids(resolver: resolver)
                try grids.checkRasters(radius: options.radius)
                return grids
            }()
            gridsByResolver[ObjectIdentifier(resolver)] = grids
            let (revision, patrols) = try patrols(of: day)
            let results = try DailyCoverage(grids: grids, options: options).compute(day: day, patrols: patrols)
            try storeCoverage(results, day: day, radius: options.radius, revision: revision)
        }
        return stale
    }

    /// Coverage of the scope's grids over the days `period` (Beijing days), first bringing stale
    /// days up to date. Grids are those valid at the end of the period.
    public func coverageReport(period: ClosedRange<PatrolDay>, scope: CoverageScope, options: CoverageOptions,
                               frequency: PatrolFrequency?, withGaps: Bool,
                               resolvers: HistoricalResolvers) throws -> [GridCoverageRow] {
        try updateCoverage(days: period, options: options, resolvers: resolvers)
        let resolver = try resolvers.resolver(at: Instant(milliseconds: period.upperBound.end - 1))
        let report = CoverageReport(resolver: resolver, grids: try CoverageGrids(resolver: resolver),
                                    frequencies: try patrolFrequencies(), frequencyOverride: frequency, visitGap: options.visitGap)
        return try report.rows(scope: scope, period: (period.lowerBound.number...period.upperBound.number).map(PatrolDay.init(number:)),
                               days: try gridDays(period, radius: options.radius),
                               lastVisits: try lastVisits(through: period.upperBound, radius: options.radius), withGaps: withGaps)
    }
}
