/// A town's 考核办法 as data (`assessment.json`): per subject, weighted indicators scored by
/// bands, and the bounds of manual 加减分. Versioned per town like the platform model; checked on
/// load (``AssessmentScheme/read(_:)``).
public struct AssessmentScheme: Codable, Sendable, Equatable {
    public var name: String
    public var subjects: [SubjectScheme]

    public init(name: String, subjects: [SubjectScheme]) {
        self.name = name
        self.subjects = subjects
    }

    /// The part for `subject`, nil when the scheme does not assess it.
    public func scheme(for subject: AssessmentSubject) -> SubjectScheme? { subjects.first { $0.subject == subject } }
}

/// How one kind of subject is assessed: weights add up to 100, so the score is out of 100 before
/// adjustments.
public struct SubjectScheme: Codable, Sendable, Equatable {
    public var subject: AssessmentSubject
    public var indicators: [WeightedIndicator]
    /// The bounds of a subject's manual adjustments in one period, added up.
    public var adjustments: AdjustmentBounds

    public init(subject: AssessmentSubject, indicators: [WeightedIndicator], adjustments: AdjustmentBounds) {
        self.subject = subject
        self.indicators = indicators
        self.adjustments = adjustments
    }
}

/// An indicator, its weight and its bands.
public struct WeightedIndicator: Codable, Sendable, Equatable {
    public var code: AssessmentIndicator
    public var weight: Double
    /// Tried in order, the first that holds scores; the last holds for every value.
    public var bands: [ScoreBand]
    /// The score when the indicator has no basis (a rate without events); 100 by default (无事项不扣分).
    public var noDataScore: Double

    public init(code: AssessmentIndicator, weight: Double, bands: [ScoreBand], noDataScore: Double = 100) {
        self.code = code
        self.weight = weight
        self.bands = bands
        self.noDataScore = noDataScore
    }

    enum CodingKeys: String, CodingKey { case code, weight, bands, noDataScore = "no_data_score" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(AssessmentIndicator.self, forKey: .code)
        weight = try container.decode(Double.self, forKey: .weight)
        bands = try container.decode([ScoreBand].self, forKey: .bands)
        noDataScore = try container.decodeIfPresent(Double.self, forKey: .noDataScore) ?? 100
    }

    /// The band `value` falls in (nil without a basis).
    public func band(of value: Double?) -> ScoreBand? { value.flatMap { value in bands.first { $0.holds(for: value) } } }

    /// The score of `value` from 0 to 100.
    public func score(of value: Double?) -> Double { band(of: value)?.score ?? noDataScore }
}

/// A value range (both ends inclusive, either open) and its score.
public struct ScoreBand: Codable, Sendable, Equatable {
    public var min: Double?
    public var max: Double?
    public var score: Double

    public init(min: Double? = nil, max: Double? = nil, score: Double) {
        self.min = min
        self.max = max
        self.score = score
    }

    public func holds(for value: Double) -> Bool { (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true) }

    /// `≥ 0.95`, `≤ 3`, `0.8–0.95`, `其他`.
    public var label: String {
        switch (min, max) {
        case (let low?, let high?): "\(Self.number(low))–\(Self.number(high))"
        case (let low?, nil): "≥ \(Self.number(low))"
        case (nil, let high?): "≤ \(Self.number(high))"
        case (nil, nil): "其他"
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// The least and most a subject's adjustments may add up to in one period.
public struct AdjustmentBounds: Codable, Sendable, Equatable {
    public var min: Double
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }
}
