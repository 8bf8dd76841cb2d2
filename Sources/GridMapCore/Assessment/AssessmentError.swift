/// Why a scheme, a period or an adjustment was refused.
public enum AssessmentError: CodedError, Sendable, Equatable {
    /// `assessment.json` is malformed or breaks a rule; each problem names its item.
    case invalidScheme([String])
    case invalidPeriod(String)
    /// The town has no scheme for the period.
    case noScheme(town: String)
    /// The scheme does not assess this kind of subject.
    case subjectNotAssessed(AssessmentSubject)
    case unknownSubject(String)
    case unknownTown(String)
    /// A new scheme must take effect after the current one.
    case validFromTooEarly(current: Instant)
    /// The adjustment would take the subject's total for the period outside the scheme's bounds.
    case adjustmentOutOfBounds(total: Double, bounds: AdjustmentBounds)
    case reasonRequired
    /// Points not a finite number from −100 to 100, or zero.
    case invalidPoints

    public var description: String {
        switch self {
        case .invalidScheme(let problems): "assessment.json: " + problems.joined(separator: "; ")
        case .invalidPeriod(let text): "'period': '\(text)' is not a year (2025), a quarter (2025-Q4) or a month (2025-11)"
        case .noScheme(let town): "town \(town) has no assessment scheme for this period (gridmap assessment set)"
        case .subjectNotAssessed(let subject): "the town's scheme does not assess '\(subject.rawValue)'"
        case .unknownSubject(let code): "no subject has the code '\(code)'"
        case .unknownTown(let code): "no town has the code '\(code)'"
        case .validFromTooEarly(let current): "a new scheme must take effect after the current one (valid from \(current.iso))"
        case .adjustmentOutOfBounds(let total, let bounds):
            "the adjustments would add up to \(ScoreBand.number(total)) points, outside the scheme's bounds "
                + "\(ScoreBand.number(bounds.min))…\(ScoreBand.number(bounds.max))"
        case .reasonRequired: "an adjustment needs a 'reason'"
        case .invalidPoints: "'points' must be a number from -100 to 100 other than 0"
        }
    }

    public var errorCode: String {
        switch self {
        case .invalidScheme: "invalid_scheme"
        case .invalidPeriod: "invalid_period"
        case .noScheme: "no_assessment_scheme"
        case .subjectNotAssessed: "subject_not_assessed"
        case .unknownSubject: "unknown_subject"
        case .unknownTown: "unknown_town"
        case .validFromTooEarly: "valid_from_too_early"
        case .adjustmentOutOfBounds: "adjustment_out_of_bounds"
        case .reasonRequired: "reason_required"
        case .invalidPoints: "invalid_points"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .noScheme, .unknownSubject, .unknownTown: .notFound
        case .adjustmentOutOfBounds: .unprocessable
        default: .invalidInput
        }
    }
}
