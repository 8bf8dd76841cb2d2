extension SheetTable {
    /// `/v1/stats` groups as a sheet: code, name (from `names`, else the code), received, closed,
    /// the rate, median and p90 hours to close, overdue, parked, escalated.
    public init(groups: [GroupStats], name: String, unit: String, names: [String: String]) {
        self.init(name: name, headers: ["编码", unit, "受理", "办结", "办结率(%)", "办结中位时长(小时)", "办结P90时长(小时)", "超期", "挂账", "上报"],
                  rows: groups.map { g in
                      [.text(g.key), .text(names[g.key] ?? g.key), .number(Double(g.received), decimals: 0), .number(Double(g.closed), decimals: 0),
                       g.received == 0 ? .empty : .number(g.closureRate * 100, decimals: 2), g.medianHours.map { .number($0, decimals: 1) } ?? .empty,
                       g.p90Hours.map { .number($0, decimals: 1) } ?? .empty, .number(Double(g.overdue), decimals: 0),
                       .number(Double(g.parked), decimals: 0), .number(Double(g.escalated), decimals: 0)]
                  })
    }

    /// `/v1/stats?by=office` as a sheet: each office's tasks.
    public init(offices: [OfficeStats]) {
        self.init(name: "分部门", headers: ["部门", "收到任务", "完成", "按期完成", "按期率(%)", "完成中位时长(小时)", "退回", "撤销", "在办", "超期在办"],
                  rows: offices.map { o in
                      [.text(o.office), .number(Double(o.received), decimals: 0), .number(Double(o.done), decimals: 0),
                       .number(Double(o.onTime), decimals: 0), o.done == 0 ? .empty : .number(o.onTimeRate * 100, decimals: 2),
                       o.medianHours.map { .number($0, decimals: 1) } ?? .empty, .number(Double(o.rejected), decimals: 0),
                       .number(Double(o.cancelled), decimals: 0), .number(Double(o.open), decimals: 0), .number(Double(o.overdue), decimals: 0)]
                  })
    }
}
