extension SheetTable {
    /// Patrol coverage of grids as a sheet: area, covered share, length, dwell, visits, the last
    /// visit as a Beijing date cell, the members (masked where `seesMembers` refuses), compliance.
    public init(coverage rows: [GridCoverageRow], seesMembers: (GridCoverageRow) -> Bool) {
        self.init(
            name: "巡查覆盖",
            headers: ["网格编码", "网格", "村（社区）编码", "镇（街道）编码", "面积(m²)", "覆盖率(%)", "里程(m)", "停留(分钟)", "停留点",
                      "到访次数", "最后到访", "巡查人员", "频次", "应巡", "实巡", "达标"],
            rows: rows.map { row in
                let c = row.coverage
                let members = seesMembers(row) ? c.members : c.members.map(PersonalMask.contact)
                return [.text(row.grid.code), .text(row.grid.name), .text(row.village?.code ?? ""), .text(row.town?.code ?? ""),
                        .number(c.area, decimals: 0), .number(c.coveredFraction * 100, decimals: 2), .number(c.length, decimals: 0),
                        .number(c.dwellSeconds / 60, decimals: 1), .number(Double(c.stops), decimals: 0), .number(Double(c.visits.count), decimals: 0),
                        row.lastVisit.map { .time(Instant(milliseconds: $0)) } ?? .empty, .text(members.joined(separator: " ")),
                        .text(c.compliance.frequency.rawValue), .number(Double(c.compliance.required), decimals: 0),
                        .number(Double(c.compliance.met), decimals: 0), .text(c.compliance.compliant ? "是" : "否")]
            })
    }
}
