/// Computes indicators of one kind of subject from ``AssessmentFacts``: the facts grouped once by
/// the subject they belong to, then counted per indicator (definitions: ``AssessmentIndicator/definition``).
public struct AssessmentMeasures: Sendable {
    public let subject: AssessmentSubject
    private let facts: AssessmentFacts
    private let eventsBySubject: [String: [AssessmentFacts.Event]]
    /// The period's 回访 and 督办 by event, so that a subject reads only its own events' records.
    private let evaluationsByEvent: [Int64: [Satisfaction]]
    private let supervisionsByEvent: [Int64: [SupervisionLevel]]

    public init(_ facts: AssessmentFacts, subject: AssessmentSubject) {
        self.facts = facts
        self.subject = subject
        var grouped: [String: [AssessmentFacts.Event]] = [:]
        let units = facts.units[subject] ?? []
        let members = Dictionary(grouping: units.filter { $0.grid != nil }, by: { $0.grid! })
        for event in facts.events {
            for key in Self.keys(of: event, subject: subject, members: members) { grouped[key, default: []].append(event) }
        }
        eventsBySubject = grouped
        evaluationsByEvent = Dictionary(grouping: facts.evaluations, by: \.eventID).mapValues { $0.map(\.satisfaction) }
        supervisionsByEvent = Dictionary(grouping: facts.supervisions, by: \.eventID).mapValues { $0.map(\.level) }
    }

    /// The subjects `event` counts for: its grid, village or platform; for members, the post whose
    /// holder reported it in their grid.
    private static func keys(of event: AssessmentFacts.Event, subject: AssessmentSubject,
                             members: [String: [AssessmentFacts.Unit]]) -> [String] {
        switch subject {
        case .grid: event.grid.map { [$0] } ?? []
        case .village: event.village.map { [$0] } ?? []
        case .platform: [event.platform]
        case .member: event.grid.flatMap { members[$0] }?.filter { $0.name == event.reporter }.map(\.code) ?? []
        case .office: []
        }
    }

    /// `indicator`'s value for the unit.
    public func value(_ indicator: AssessmentIndicator, for unit: AssessmentFacts.Unit) -> IndicatorValue {
        let events = eventsBySubject[unit.code] ?? []
        let from = facts.period.from, to = facts.period.to, end = min(to, facts.asOf)
        switch indicator {
        case .onTimeClosureRate, .overdueCount:
            let due = events.filter { event in
                let inPeriod = { (t: Instant?) in t.map { from <= $0 && $0 < end } ?? false }
                return (inPeriod(event.deadlineAt) || inPeriod(event.closedAt)) && !(event.status.isHeld && event.closedAt == nil)
            }
            let onTime = due.filter { event in
                guard let closed = event.closedAt, closed < end else { return false }
                return event.deadlineAt.map { closed <= $0 } ?? true
            }.count
            return indicator == .overdueCount ? .count(due.count - onTime) : .rate(onTime, of: due.count)
        case .returnRate, .satisfactionRate:
            let evaluations = events.flatMap { evaluationsByEvent[$0.id] ?? [] }
            let dissatisfied = evaluations.filter { $0 == .dissatisfied }.count
            return .rate(indicator == .returnRate ? dissatisfied : evaluations.count - dissatisfied, of: evaluations.count)
        case .supervisionsLevel1, .supervisionsLevel2, .supervisionsLevel3:
            let level: SupervisionLevel = indicator == .supervisionsLevel1 ? .urged : indicator == .supervisionsLevel2 ? .supervised : .leaderSupervised
            if subject == .office { return .count(facts.supervisions.filter { $0.level == level && $0.office == unit.code }.count) }
            return .count(events.reduce(0) { total, event in total + (supervisionsByEvent[event.id] ?? []).filter { $0 == level }.count })
        case .reportedEvents, .validReportShare:
            let reported = events.filter { $0.source == .gridMember && from <= $0.reportedAt && $0.reportedAt < to }
            if indicator == .reportedEvents { return .count(reported.count) }
            let judged = reported.filter(\.judged)
            return .rate(judged.filter(\.takenOn).count, of: judged.count)
        case .patrolCompliance, .coveredShare:
            guard let grid = subject == .member ? unit.grid : unit.code, let patrol = facts.patrols[grid] else { return .share(nil) }
            return indicator == .patrolCompliance ? .rate(patrol.met, of: patrol.required) : .share(patrol.coveredShare)
        case .tasksOnTimeRate:
            let counted = facts.tasks.filter { task in
                guard task.office == unit.code, task.status != .cancelled, task.status != .rejected else { return false }
                return task.status == .done || task.deadlineAt.map { $0 <= facts.asOf } ?? false
            }
            let onTime = counted.filter { task in
                guard task.status == .done, let closed = task.closedAt else { return false }
                return task.deadlineAt.map { closed <= $0 } ?? true
            }.count
            return .rate(onTime, of: counted.count)
        }
    }
}
