/// How often a grid must be patrolled: at least one visit per day, per week (Monday–Sunday) or
/// per calendar month, in Beijing time.
public enum PatrolFrequency: String, CaseIterable, Sendable {
    case daily, weekly, monthly

    /// The required period a day belongs to.
    func period(of day: PatrolDay) -> Int64 {
        switch self {
        case .daily: day.number
        case .weekly: day.week
        case .monthly: day.month
        }
    }
}

/// Whether a grid met its required frequency over a period: a required day, week or month
/// (any that overlaps the period, partly or wholly) is met when a visit touches one of its days
/// inside the period.
public struct Compliance: Sendable, Hashable {
    public var frequency: PatrolFrequency
    public var required: Int
    public var met: Int

    public init(frequency: PatrolFrequency, days: [PatrolDay], visits: [Visit]) {
        self.frequency = frequency
        let periods = Set(days.map(frequency.period(of:)))
        let inPeriod = Set(days.map(\.number))
        let visited = visits.flatMap { visit in visit.days.filter(inPeriod.contains) }
        required = periods.count
        met = Set(visited.map { frequency.period(of: PatrolDay(number: $0)) }).count
    }

    public var ratio: Double { required == 0 ? 1 : Double(met) / Double(required) }
    public var compliant: Bool { met == required }
}
