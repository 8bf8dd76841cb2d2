/// The scores of one kind of subject of a town over a period, ranked.
public struct AssessmentResult: Sendable {
    /// One indicator of one subject: its value, band, score and share of the total.
    public struct Line: Sendable, Equatable {
        public var indicator: AssessmentIndicator
        public var value: IndicatorValue
        /// The band that scored it; nil when the value had no basis (``WeightedIndicator/noDataScore``).
        public var band: ScoreBand?
        public var score: Double
        public var weight: Double
        /// score × weight ÷ 100.
        public var weighted: Double
    }

    public struct Subject: Sendable {
        public var unit: AssessmentFacts.Unit
        public var lines: [Line]
        public var adjustments: [AssessmentAdjustment]
        /// The adjustments' sum, held within the scheme's bounds.
        public var adjustment: Double
        /// Σ weighted + adjustment, rounded to 2 decimals.
        public var score: Double
        /// 1 for the best; equal scores share a rank and the next rank skips (1, 2, 2, 4).
        public var rank: Int
    }

    public var period: AssessmentPeriod
    public var subject: AssessmentSubject
    public var scheme: AssessmentScheme
    /// Best first; equal scores by code.
    public var subjects: [Subject]

    /// Scores every unit of `subject` in `facts` by `scheme`, adding the adjustments that count in the period.
    public init(facts: AssessmentFacts, subject: AssessmentSubject, scheme: AssessmentScheme,
                adjustments: [AssessmentAdjustment]) throws {
        guard let part = scheme.scheme(for: subject) else { throw AssessmentError.subjectNotAssessed(subject) }
        let measures = AssessmentMeasures(facts, subject: subject)
        let byCode = Dictionary(grouping: adjustments.filter { $0.subject == subject && $0.counts(in: facts.period) }, by: \.code)
        var scored = (facts.units[subject] ?? []).map { unit in
            let lines = part.indicators.map { indicator in
                let value = measures.value(indicator.code, for: unit)
                let score = indicator.score(of: value.value)
                return Line(indicator: indicator.code, value: value, band: indicator.band(of: value.value), score: score,
                            weight: indicator.weight, weighted: score * indicator.weight / 100)
            }
            let own = byCode[unit.code] ?? []
            let adjustment = min(part.adjustments.max, max(part.adjustments.min, own.reduce(0) { $0 + $1.points }))
            let total = ((lines.reduce(0) { $0 + $1.weighted } + adjustment) * 100).rounded() / 100
            return Subject(unit: unit, lines: lines, adjustments: own, adjustment: adjustment, score: total, rank: 0)
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.unit.code < $1.unit.code }
        for index in scored.indices {
            scored[index].rank = index > 0 && scored[index].score == scored[index - 1].score ? scored[index - 1].rank : index + 1
        }
        period = facts.period
        self.subject = subject
        self.scheme = scheme
        subjects = scored
    }
}
