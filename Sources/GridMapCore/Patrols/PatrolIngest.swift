/// What storing a batch of patrol fixes did.
public struct PatrolIngest: Sendable {
    public var batch: Int64
    public var fixes: Int
    public var members: Int
    /// The days whose tracks changed.
    public var days: [PatrolDay]
    /// Cleaning of every member-day the batch touched (earlier fixes of those days included).
    public var report: CleaningReport

    public init(batch: Int64, fixes: Int, members: Int, days: [PatrolDay], report: CleaningReport) {
        self.batch = batch
        self.fixes = fixes
        self.members = members
        self.days = days
        self.report = report
    }
}
