extension GridMapRepository {
    /// Assembles `town`'s report of `month` from `facts` (the events' facts table, as the server
    /// keeps it or ``EventRepository/eventFactsTable()`` reads it), the stored loop and tasks, and
    /// the assessments of the subjects its scheme has (none without a scheme).
    public func monthlyReport(town: AssessmentFacts.Unit, month: AssessmentPeriod, facts: EventFactsTable, snapshot: AdminSnapshot,
                              resolvers: HistoricalResolvers, asOf: Instant = .now(),
                              patrolCache: PatrolFiguresCache? = nil) throws -> MonthlyReport {
        let from = month.from, to = month.to
        var names = Dictionary(snapshot.boundaries(.village).map { ($0.unit.code, $0.unit.name) }, uniquingKeysWith: { first, _ in first })
        for platform in snapshot.taxonomies[town.code]?.platforms ?? [] { names[platform.code] = platform.name }
        let subjects = try assessmentScheme(town: town.code, period: month)?.subjects.map(\.subject) ?? []
        let ranked = AssessmentSubject.allCases.filter(subjects.contains)
        return MonthlyReport(
            town: town, month: month, asOf: asOf,
            platforms: facts.stats(by: .platform, from: from, to: to, now: asOf, town: town.code),
            villages: facts.stats(by: .village, from: from, to: to, now: asOf, town: town.code),
            names: names, offices: OfficeStats.of(try taskFacts(assignedFrom: from, to: to, town: town.code), now: asOf),
            loop: try loopStats(from: from, to: to, town: town.code),
            assessments: try ranked.map {
                try assess(town: town.code, period: month, subject: $0, resolvers: resolvers, asOf: asOf, patrolCache: patrolCache)
            })
    }
}
