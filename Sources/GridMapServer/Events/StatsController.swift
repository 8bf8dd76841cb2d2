import GridMapCore
import GridMapJSON
import Hummingbird

/// `GET /v1/stats?by=grid|village|town|platform|category&from=&to=&town=`: per group, events
/// received in [from, to) (default: the year up to now), closed, closure rate, median and p90
/// hours to close, overdue, parked; aggregated in memory from a table of event facts refreshed when
/// events change; and `loop` (``LoopStats``) for the period, read from the store. `by=office` counts the offices' tasks (``OfficeStats``) assigned in the period
/// instead, read from the store.
struct StatsController<Context: RequestContext>: Sendable {
    let store: any EventRepository
    let served: ServedStateHolder
    let clock: ServerClock

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/stats", use: stats)
    }

    @Sendable func stats(_ request: Request, context: Context) async throws -> Response {
        let parameters = QueryParameters(request)
        let now = clock.now()
        let to = try parameters.instant("to") ?? now
        let from = try parameters.instant("from") ?? to.adding(hours: -365 * 24)
        guard from < to else { throw APIError.badRequest("invalid_parameter", "'from' must be before 'to'") }
        let town = parameters.text("town")
        let format = try parameters.choice("format", AnswerFormat.self) ?? .json
        switch try Self.grouping(parameters.text("by")) {
        case .offices:
            let offices = OfficeStats.of(try store.taskFacts(assignedFrom: from, to: to, town: town), now: now)
            if format != .json { return try .spreadsheet([SheetTable(offices: offices)], xlsx: format == .xlsx, name: "stats-office") }
            return StatsJSON.offices(offices, from: from, to: to).response()
        case .events(let dimension):
            let state = try served.current()
            let groups = try state.events.facts().stats(by: dimension, from: from, to: to, now: now, town: town)
            if format != .json {
                let table = SheetTable(groups: groups, name: "分\(AdminSnapshot.header(of: dimension))", unit: AdminSnapshot.header(of: dimension),
                                       names: state.boundaries.snapshot.names(of: dimension))
                return try .spreadsheet([table], xlsx: format == .xlsx, name: "stats-\(dimension.rawValue)")
            }
            return StatsJSON.groups(groups, by: dimension, from: from, to: to,
                                    loop: try store.loopStats(from: from, to: to, town: town)).response()
        }
    }

    private enum Grouping { case events(StatsDimension), offices }

    private static func grouping(_ text: String?) throws -> Grouping {
        guard let text else { return .events(.town) }
        if text == "office" { return .offices }
        guard let dimension = StatsDimension(rawValue: text) else {
            throw APIError.badRequest("invalid_parameter", "'by' must be one of: "
                + (StatsDimension.allCases.map(\.rawValue) + ["office"]).joined(separator: ", "))
        }
        return .events(dimension)
    }
}
