/// An indicator computed from stored facts over a period [from, to) (Beijing days). Each one's
/// definition is ``definition``, also in the README and in every result.
public enum AssessmentIndicator: String, CaseIterable, Codable, Sendable {
    case onTimeClosureRate = "on_time_closure_rate"
    case overdueCount = "overdue_count"
    case returnRate = "return_rate"
    case supervisionsLevel1 = "supervisions_level_1"
    case supervisionsLevel2 = "supervisions_level_2"
    case supervisionsLevel3 = "supervisions_level_3"
    case satisfactionRate = "satisfaction_rate"
    case reportedEvents = "reported_events"
    case validReportShare = "valid_report_share"
    case patrolCompliance = "patrol_compliance"
    case coveredShare = "covered_share"
    case tasksOnTimeRate = "tasks_on_time_rate"

    public var name: String {
        switch self {
        case .onTimeClosureRate: "按期办结率"
        case .overdueCount: "超期件数"
        case .returnRate: "返工率"
        case .supervisionsLevel1: "一级督办次数"
        case .supervisionsLevel2: "二级督办次数"
        case .supervisionsLevel3: "三级督办次数"
        case .satisfactionRate: "满意率"
        case .reportedEvents: "网格员上报事件数"
        case .validReportShare: "上报有效率"
        case .patrolCompliance: "巡查达标率"
        case .coveredShare: "巡查覆盖率"
        case .tasksOnTimeRate: "任务按期完成率"
        }
    }

    /// How the value is computed (the subject's events are those of its grid, village or platform).
    public var definition: String {
        switch self {
        case .onTimeClosureRate:
            "按期办结数 ÷ 应办结数: 应办结 = the events whose deadline falls in the period (up to now) or that were closed "
                + "(办结) in it, less those held now (挂账, 上报) and not closed; 按期 = closed before the period's end (or now) "
                + "and by the deadline (or without one)"
        case .overdueCount: "应办结数 − 按期办结数 (see on_time_closure_rate)"
        case .returnRate: "回访 in the period that were dissatisfied (the event sent back, 返工) ÷ 回访 in the period"
        case .supervisionsLevel1, .supervisionsLevel2, .supervisionsLevel3:
            "督办 of this level issued in the period on the subject's events (for an office: addressed to it)"
        case .satisfactionRate: "回访 in the period satisfied or basically satisfied ÷ 回访 in the period"
        case .reportedEvents: "events reported in the period with source grid_member (for a member: with the member as reporter)"
        case .validReportShare:
            "of those reported events that have been judged (left 受理), the ones the command room took on: "
                + "dispatched (流转) or escalated (上报), whatever happened after"
        case .patrolCompliance: "patrol periods (by the grid's frequency, daily by default) of the period up to today with a visit ÷ "
                + "those periods (for a member, their grid's); no value for a grid the coverage module does not know"
        case .coveredShare: "the share of the grid's area within 30 m of a patrol track in the period up to today (for a member, their grid's)"
        case .tasksOnTimeRate:
            "tasks assigned to the office in the period and done by their deadline ÷ those tasks done, or open past "
                + "their deadline (cancelled and rejected ones, and open ones not yet due, are left out)"
        }
    }

    /// A count (scored by bands on the number) rather than a rate from 0 to 1.
    public var isCount: Bool {
        switch self {
        case .overdueCount, .supervisionsLevel1, .supervisionsLevel2, .supervisionsLevel3, .reportedEvents: true
        default: false
        }
    }

    /// The subjects it can be computed for.
    public var subjects: Set<AssessmentSubject> {
        switch self {
        case .onTimeClosureRate, .overdueCount, .returnRate, .satisfactionRate: [.grid, .village, .platform]
        case .supervisionsLevel1, .supervisionsLevel2, .supervisionsLevel3: [.grid, .village, .platform, .office]
        case .reportedEvents, .validReportShare, .patrolCompliance, .coveredShare: [.grid, .member]
        case .tasksOnTimeRate: [.office]
        }
    }
}
