import Foundation
import GridMapCore
import Hummingbird

/// `GET /v1/stats?by=grid|village|town|platform&from=&to=&town=`: per group, events received in
/// [from, to) (default: the year up to now), closed, closure rate, median and p90 hours to close,
/// overdue. Aggregated in memory from a table of event facts refreshed when events change.
struct StatsController<Context: RequestContext>: Sendable {
    let served: ServedStateHolder

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/stats", use: stats)
    }

    @Sendable func stats(_ request: Request, context: Context) async throws -> Response {
        let parameters = QueryParameters(request)
        let dimension = try parameters.choice("by", StatsDimension.self) ?? .town
        let now = Instant.now()
        let to = try parameters.instant("to") ?? now
        let from = try parameters.instant("from") ?? to.adding(hours: -365 * 24)
        guard from < to else { throw APIError.badRequest("invalid_parameter", "'from' must be before 'to'") }
        let groups = try served.current().events.facts().stats(by: dimension, from: from, to: to, now: now, town: parameters.text("town"))
        var json = JSONWriter(capacity: 256 + groups.count * 200)
        json.raw("{\"by\":"); json.string(dimension.rawValue)
        json.raw(",\"from\":"); json.instant(from)
        json.raw(",\"to\":"); json.instant(to)
        json.raw(",\"groups\":[")
        for (i, g) in groups.enumerated() {
            if i > 0 { json.raw(",") }
            json.raw("{\"key\":"); json.string(g.key)
            json.raw(",\"received\":"); json.number(g.received)
            json.raw(",\"closed\":"); json.number(g.closed)
            json.raw(",\"closure_rate\":"); json.number((g.closureRate * 10_000).rounded() / 10_000)
            json.raw(",\"median_hours\":"); json.optionalNumber(g.medianHours.map { ($0 * 100).rounded() / 100 })
            json.raw(",\"p90_hours\":"); json.optionalNumber(g.p90Hours.map { ($0 * 100).rounded() / 100 })
            json.raw(",\"overdue\":"); json.number(g.overdue)
            json.raw("}")
        }
        json.raw("]}")
        return json.response()
    }
}
