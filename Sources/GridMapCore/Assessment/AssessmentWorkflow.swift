import Foundation

/// Assessments and adjustments over a store: the scheme in force, facts read afresh (so a late
/// change, such as a closed event sent back, changes every period it touches), patrol figures
/// from the coverage module when the scheme uses them.
extension AssessmentRepository where Self: PatrolRepository {
    /// Scores `subject` of `town` over `period`; ``AssessmentError/noScheme(town:)`` without a
    /// scheme, ``AssessmentError/subjectNotAssessed(_:)`` when it leaves the subject out.
    /// `patrolCache` (the server keeps one) spares recomputing patrol figures nothing has changed.
    public func assess(town: String, period: AssessmentPeriod, subject: AssessmentSubject, resolvers: HistoricalResolvers,
                       asOf: Instant = .now(), patrolCache: PatrolFiguresCache? = nil) throws -> AssessmentResult {
        let (scheme, part) = try schemePart(town: town, period: period, subject: subject)
        var facts = try assessmentFacts(town: town, subject: subject, period: period, asOf: asOf)
        if part.indicators.contains(where: { $0.code == .patrolCompliance || $0.code == .coveredShare }) {
            facts.patrols = try patrolFigures(town: town, period: period, asOf: asOf, resolvers: resolvers, cache: patrolCache)
        }
        return try AssessmentResult(facts: facts, subject: subject, scheme: scheme, adjustments: try assessmentAdjustments(town: town))
    }

    /// Records a leader's 加减分 of one subject for a period, within the scheme's bounds.
    public func adjustAssessment(town: String, subject: AssessmentSubject, code: String, period: AssessmentPeriod, points: Double,
                                 reason: String, actor: String, at: Instant = .now()) throws -> AssessmentAdjustment {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AssessmentError.reasonRequired }
        guard points.isFinite, points != 0, abs(points) <= 100 else { throw AssessmentError.invalidPoints }
        let (_, part) = try schemePart(town: town, period: period, subject: subject)
        guard try assessmentUnits(town: town, subject: subject, period: period).contains(where: { $0.code == code }) else {
            throw AssessmentError.unknownSubject(code)
        }
        let adjustment = AssessmentAdjustment(id: 0, town: town, subject: subject, code: code, period: period, points: points,
                                              reason: reason, actor: actor, at: at)
        return try addAssessmentAdjustment(adjustment, bounds: part.adjustments)
    }

    private func schemePart(town: String, period: AssessmentPeriod,
                            subject: AssessmentSubject) throws -> (AssessmentScheme, SubjectScheme) {
        guard let scheme = try assessmentScheme(town: town, period: period) else { throw AssessmentError.noScheme(town: town) }
        guard let part = scheme.scheme(for: subject) else { throw AssessmentError.subjectNotAssessed(subject) }
        return (scheme, part)
    }

    /// Each grid's patrols over the period's days up to today (none for a period still to come).
    private func patrolFigures(town: String, period: AssessmentPeriod, asOf: Instant, resolvers: HistoricalResolvers,
                               cache: PatrolFiguresCache?) throws -> [String: AssessmentFacts.Patrol] {
        let last = min(period.days.upperBound, PatrolDay(milliseconds: asOf.milliseconds))
        guard last >= period.days.lowerBound else { return [:] }
        let days = period.days.lowerBound...last, options = CoverageOptions()
        let compute = {
            let rows = try coverageReport(period: days, scope: CoverageScope(town: town), options: options, frequency: nil,
                                          withGaps: false, resolvers: resolvers)
            return Dictionary(rows.map { row in
                (row.grid.code, AssessmentFacts.Patrol(met: row.coverage.compliance.met, required: row.coverage.compliance.required,
                                                       coveredShare: row.coverage.coveredFraction))
            }, uniquingKeysWith: { first, _ in first })
        }
        guard let cache else { return try compute() }
        // Stale days first, so that the key below describes the coverage the figures come from.
        try updateCoverage(days: days, options: options, resolvers: resolvers)
        let runs = try coverageRuns(radius: options.radius).filter { days.contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\($0.key.number):\($0.value.revision):\($0.value.computedAt)" }.joined(separator: ",")
        let frequencies = try patrolFrequencies().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ",")
        let boundaries = try resolvers.resolver(at: Instant(milliseconds: days.upperBound.end - 1)).snapshot.revision
        return try cache.figures(for: "\(town)|\(days.lowerBound.number)-\(days.upperBound.number)|\(boundaries)|\(frequencies)|\(runs)",
                                 compute: compute)
    }
}
