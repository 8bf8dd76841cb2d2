/// A manual 加减分 by a leader: points added to (or taken from) one subject's score for a period,
/// with the reason; audited, and shown in the subject's breakdown.
public struct AssessmentAdjustment: Sendable, Equatable {
    public var id: Int64
    public var town: String
    public var subject: AssessmentSubject
    public var code: String
    public var period: AssessmentPeriod
    public var points: Double
    public var reason: String
    public var actor: String
    public var at: Instant

    public init(id: Int64, town: String, subject: AssessmentSubject, code: String, period: AssessmentPeriod, points: Double,
                reason: String, actor: String, at: Instant) {
        self.id = id
        self.town = town
        self.subject = subject
        self.code = code
        self.period = period
        self.points = points
        self.reason = reason
        self.actor = actor
        self.at = at
    }

    /// Whether it counts in an assessment of `period`: its own period lies within it (a month's
    /// adjustment counts in its quarter and year).
    public func counts(in period: AssessmentPeriod) -> Bool {
        period.days.lowerBound <= self.period.days.lowerBound && self.period.days.upperBound <= period.days.upperBound
    }
}
