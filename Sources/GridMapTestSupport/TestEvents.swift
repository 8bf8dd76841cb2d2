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
