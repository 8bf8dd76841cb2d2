import GridMapCore
import GridMapJSON
import Hummingbird

/// `GET /v1/stats?by=grid|village|town|platform&from=&to=&town=`: per group, events received in
/// [from, to) (default: the year up to now), closed, closure rate, median and p90 hours to close,
/// overdue. Aggregated in memory from a table of event facts refreshed when events change.
struct StatsController<Context: RequestContext>: Sendable {
    let served: ServedStateHolder

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/stats", use: stats)
    }

    @Sendable func stats(_ request: Request, context: Context) async throws -> Response {
        let parameters = QueryParameters(request)
        let dimension = try parameters.choice("by", StatsDimension.self) ?? .town
        let now = Instant.now()
        let to = try parameters.instant("to") ?? now
        let from = try parameters.instant("from") ?? to.adding(hours: -365 * 24)
        guard from < to else { throw APIError.badRequest("invalid_parameter", "'from' must be before 'to'") }
        let groups = try served.current().events.facts().stats(by: dimension, from: from, to: to, now: now, town: parameters.text("town"))
        return StatsJSON.groups(groups, by: dimension, from: from, to: to).response()
    }
}
