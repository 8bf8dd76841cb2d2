extension SheetTable {
    /// An assessment as spreadsheets show it: one row per subject under a Chinese header — rank,
    /// code, name (a member's masked unless shown in full), [grid,] total, 加减分, then each
    /// indicator's value (rates in per cent) and score.
    public init(assessment result: AssessmentResult, maskNames: Bool) {
        let indicators = result.scheme.scheme(for: result.subject)?.indicators.map(\.code) ?? []
        let member = result.subject == .member
        self.init(
            name: "\(result.subject.name)考核",
            headers: ["排名", "编码", "名称"] + (member ? ["网格"] : []) + ["总分", "加减分"]
                + indicators.flatMap { [$0.isCount ? $0.name : "\($0.name)(%)", "\($0.name)得分"] },
            rows: result.subjects.map { subject in
                let name = member && maskNames ? PersonalMask.name(subject.unit.name) : subject.unit.name
                return [.number(Double(subject.rank), decimals: 0), .text(subject.unit.code), .text(name)]
                    + (member ? [.text(subject.unit.grid ?? "")] : [])
                    + [.number(subject.score, decimals: 2), .number(subject.adjustment, decimals: 2)]
                    + subject.lines.flatMap { line -> [Cell] in
                        let count = line.indicator.isCount
                        let value: Cell = line.value.value.map { .number(count ? $0 : $0 * 100, decimals: count ? 0 : 2) } ?? .empty
                        return [value, .number(line.score, decimals: 2)]
                    }
            })
    }

    /// The second sheet of an assessment workbook: how each indicator of the scheme is computed.
    public init(definitionsOf result: AssessmentResult) {
        let indicators = result.scheme.scheme(for: result.subject)?.indicators ?? []
        self.init(
            name: "指标说明", headers: ["指标", "代码", "权重", "评分档次", "无数据得分", "计算方法"],
            rows: indicators.map { indicator in
                [.text(indicator.code.name), .text(indicator.code.rawValue), .number(indicator.weight, decimals: 0),
                 .text(indicator.bands.map { "\($0.label): \(ScoreBand.number($0.score))分" }.joined(separator: "; ")),
                 .number(indicator.noDataScore, decimals: 0), .text(indicator.code.definition)]
            })
    }

    /// The adjustments counted, each with its time; masked, the actor's name is masked and the reason left out.
    public init(adjustmentsOf result: AssessmentResult, masked: Bool) {
        self.init(
            name: "加减分", headers: ["编码", "名称", "期间", "分值", "原因", "操作人", "时间"],
            rows: result.subjects.flatMap { subject in
                subject.adjustments.map { a -> [Cell] in
                    [.text(a.code), .text(result.subject == .member && masked ? PersonalMask.name(subject.unit.name) : subject.unit.name),
                     .text(a.period.name), .number(a.points, decimals: 2), masked ? .empty : .text(a.reason),
                     .text(masked ? PersonalMask.name(a.actor) : a.actor), .time(a.at)]
                }
            })
    }

    /// An assessment's workbook: the scores, the indicators' definitions, the adjustments.
    public static func workbook(of result: AssessmentResult, masked: Bool) -> [SheetTable] {
        [SheetTable(assessment: result, maskNames: masked), SheetTable(definitionsOf: result), SheetTable(adjustmentsOf: result, masked: masked)]
    }
}
