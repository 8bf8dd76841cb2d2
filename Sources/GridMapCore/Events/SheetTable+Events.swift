extension SheetTable {
    /// Events as a spreadsheet: one row each, times as Beijing date cells; the description and
    /// reporter masked for an event whose personal fields `seesPersonal` refuses.
    public init(events: [EventRecord], now: Instant, seesPersonal: (EventRecord) -> Bool) {
        func time(_ instant: Instant?) -> Cell { instant.map(Cell.time) ?? .empty }
        self.init(
            name: "事件",
            headers: ["编号", "类别", "描述", "状态", "来源", "报告人", "上报时间", "办理期限", "办结时间", "是否超期", "督办等级",
                      "网格", "村（社区）", "镇（街道）", "平台"],
            rows: events.map { e in
                let shown = seesPersonal(e)
                return [.number(Double(e.id), decimals: 0), .text(e.category), shown ? .text(e.description) : .empty, .text(e.status.name),
                        .text(e.source), .text(shown ? e.reporter : PersonalMask.contact(e.reporter)), time(e.reportedAt), time(e.deadlineAt),
                        time(e.closedAt), .text(e.isOverdue(at: now) ? "是" : "否"), .number(Double(e.supervision.level.rawValue), decimals: 0),
                        .text(e.gridCode ?? ""), .text(e.villageCode ?? ""), .text(e.townCode ?? ""), .text(e.platformCode)]
            })
    }
}
