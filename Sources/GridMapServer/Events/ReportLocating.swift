import GridMapCore
import GridMapGeometry

/// A reported event located and routed as of its `reported_at`, its coordinate checked first
/// (range, then swapped longitude and latitude): what `POST /v1/events` and a county file do.
enum ReportLocating {
    static func locate(_ report: EventReport, history: HistoricalResolvers) throws -> LocatedEvent {
        let resolver = try history.resolver(at: report.reportedAt)
        try PointCheck.validate(report.coordinate, label: "the event's coordinate")
        let point = report.crs.toWGS84(report.coordinate)
        try PointCheck.rejectSwapped(report.coordinate, used: point, crs: report.crs, resolver: resolver, label: "the event's coordinate")
        return try resolver.locate(report, at: point)
    }
}
