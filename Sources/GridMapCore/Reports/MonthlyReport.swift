/// A town's month as leaders read it (月报): events by platform and village, the offices' tasks,
/// the loop's figures and the assessment's rankings — one workbook (``sheets(maskNames:)``) or
/// one printable page.
public struct MonthlyReport: Sendable {
    public var town: AssessmentFacts.Unit
    public var month: AssessmentPeriod
    public var asOf: Instant
    /// Events reported in the month, per platform and per village (``GroupStats``), keyed by code.
    public var platforms: [GroupStats]
    public var villages: [GroupStats]
    /// Names of the platforms' and villages' codes.
    public var names: [String: String]
    /// Tasks assigned in the month, per office.
    public var offices: [OfficeStats]
    public var loop: LoopStats
    /// The month's assessments of the subjects the town's scheme has (grids, villages …); empty without a scheme.
    public var assessments: [AssessmentResult]

    public init(town: AssessmentFacts.Unit, month: AssessmentPeriod, asOf: Instant, platforms: [GroupStats], villages: [GroupStats],
                names: [String: String], offices: [OfficeStats], loop: LoopStats, assessments: [AssessmentResult]) {
        self.town = town
        self.month = month
        self.asOf = asOf
        self.platforms = platforms
        self.villages = villages
        self.names = names
        self.offices = offices
        self.loop = loop
        self.assessments = assessments
    }

    /// `大港头镇2025年11月基层治理月报`.
    public var title: String { "\(town.name)\(month.name)基层治理月报" }

    /// The report as one printable page.
    public func html(maskNames: Bool) -> String {
        SheetHTML.page(title: title, subtitle: "统计时间 \(asOf.beijingMinute)（北京时间）", sheets: sheets(maskNames: maskNames))
    }

    /// Every received event of the month: the platforms' sum.
    public var received: Int { platforms.reduce(0) { $0 + $1.received } }
    public var closed: Int { platforms.reduce(0) { $0 + $1.closed } }
    public var overdue: Int { platforms.reduce(0) { $0 + $1.overdue } }

    /// 汇总, 分平台, 分部门, 分村社, then one 考核 sheet per assessed subject.
    public func sheets(maskNames: Bool) -> [SheetTable] {
        [summary, SheetTable(groups: platforms, name: "分平台", unit: "平台", names: names), SheetTable(offices: offices),
         SheetTable(groups: villages, name: "分村社", unit: "村（社区）", names: names)]
            + assessments.map { SheetTable(assessment: $0, maskNames: maskNames) }
    }

    private var summary: SheetTable {
        func count(_ value: Int) -> SheetTable.Cell { .number(Double(value), decimals: 0) }
        func rate(_ part: Int, _ whole: Int) -> SheetTable.Cell { whole == 0 ? .empty : .number(Double(part) * 100 / Double(whole), decimals: 2) }
        let level = { (l: SupervisionLevel) in count(loop.supervisions[l] ?? 0) }
        var rows: [[SheetTable.Cell]] = [
            [.text("受理事件"), count(received)], [.text("办结"), count(closed)], [.text("办结率(%)"), rate(closed, received)],
            [.text("超期"), count(overdue)], [.text("挂账（当前）"), count(loop.parkedNow)],
            [.text("上报县级（当前）"), count(platforms.reduce(0) { $0 + $1.escalated })],
            [.text("一级督办（催办）"), level(.urged)], [.text("二级督办"), level(.supervised)], [.text("三级督办（领导督办）"), level(.leaderSupervised)],
            [.text("回访"), count(loop.evaluated)],
            [.text("满意率(%)"), loop.evaluated == 0 ? .empty : .number(loop.satisfactionRate * 100, decimals: 2)],
            [.text("返工"), count(loop.evaluations[.dissatisfied] ?? 0)],
        ]
        rows += loop.stages.map { [.text("\($0.stage.name)按期率(%)"), rate($0.onTime, $0.ended)] }
        rows.append([.text("统计时间"), .time(asOf)])
        return SheetTable(name: "汇总", headers: ["指标", "数值"], rows: rows)
    }
}
