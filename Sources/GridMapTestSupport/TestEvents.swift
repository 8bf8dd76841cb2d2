import GridMapCore
import GridMapGeometry

extension EventReport {
    /// A grid member's report of `category` at `p`, as the store tests make them.
    public static func test(_ category: String, at p: Coordinate, reportedAt: Instant = "2026-03-01T08:00:00.000Z") -> EventReport {
        EventReport(category: category, description: "test", coordinate: p, crs: .wgs84, reportedAt: reportedAt,
                    source: .gridMember, reporter: "网格员甲")
    }
}

extension EventRepository {
    /// Locates and routes `report` by what was valid when it was reported, and stores it.
    public func record(_ report: EventReport, resolvers: HistoricalResolvers) throws -> Int64 {
        try recordEvent(try resolvers.resolver(at: report.reportedAt).locate(report), actor: report.reporter, at: report.reportedAt)
    }
}

extension EventRepository {
    /// Has every office with an open task on event `id` accept it (when assigned) and finish it,
    /// at `now`: what the offices do before an event may be resolved.
    @discardableResult
    public func finishTasks(of id: Int64, actor: String = "office", at now: Instant) throws -> EventRecord? {
        for task in try event(id)?.tasks ?? [] where task.status.isOpen {
            if task.status == .assigned { _ = try moveTask(task.id, of: id, to: .accepted, reason: nil, actor: actor, at: now) }
            _ = try moveTask(task.id, of: id, to: .done, reason: nil, actor: actor, at: now)
        }
        return try event(id)
    }
}
