/// The towns' 考核办法 over time, the facts an assessment counts, and the leaders' 加减分.
public protocol AssessmentRepository: Sendable {
    /// The scheme `town` assesses `period` by: the one in force at the period's end, or nil.
    func assessmentScheme(town: String, period: AssessmentPeriod) throws -> AssessmentScheme?
    /// Makes `scheme` the town's scheme: a town's first from the beginning (so past periods can
    /// be assessed), a later one from `validFrom` (default now). False when it is the current one already.
    func setAssessmentScheme(_ scheme: AssessmentScheme, town: String, validFrom: Instant?) throws -> Bool
    /// The town's units of `subject` during `period` (grids and villages with a boundary in it,
    /// the posts of its 网格员, the platforms of its model at the period's end, its offices).
    func assessmentUnits(town: String, subject: AssessmentSubject, period: AssessmentPeriod) throws -> [AssessmentFacts.Unit]
    /// Everything an assessment of `period` counts but patrols, read as of `asOf`.
    func assessmentFacts(town: String, subject: AssessmentSubject, period: AssessmentPeriod, asOf: Instant) throws -> AssessmentFacts
    /// The town's adjustments, oldest first.
    func assessmentAdjustments(town: String) throws -> [AssessmentAdjustment]
    /// Stores `adjustment` after checking, in the same transaction, that the subject's adjustments
    /// counting in its period stay within `bounds` (else
    /// ``AssessmentError/adjustmentOutOfBounds(total:bounds:)`` and nothing stored). Returns it with its id.
    func addAssessmentAdjustment(_ adjustment: AssessmentAdjustment, bounds: AdjustmentBounds) throws -> AssessmentAdjustment
}
