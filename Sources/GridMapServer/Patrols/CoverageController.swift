import Foundation
import GridMapCore
import GridMapJSON
import Hummingbird

/// Patrol coverage of grids over a period (Beijing days overlapping [`from`, `to`), default the
/// last 7 days), optionally within a `town`, `village` or `grid`, at buffer `radius` (default
/// 30 m), against each grid's required frequency (or `frequency=daily|weekly|monthly` for all):
///
/// - `GET /v1/coverage`: every grid with `covered_pct`, `length_m`, `dwell_min`, `visits`,
///   `last_visit`, `members`, compliance.
/// - `GET /v1/coverage/gaps`: each grid's uncovered parts (blind spots) as valid polygons with
///   their areas, largest first; `min_area` (m², default 0) leaves out smaller ones.
///
/// Days whose tracks changed since their coverage was computed at that radius are computed
/// first; the others are read as stored.
struct CoverageController<Context: AccessRequestContext>: Sendable {
    let store: any PatrolRepository
    let served: ServedStateHolder
    let heavyWork: HeavyWorkGate

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/coverage") { request, context in try await heavyWork.run("coverage") { try report(request, context, gaps: false) } }
        routes.get("/v1/coverage/gaps") { request, context in try await heavyWork.run("coverage") { try report(request, context, gaps: true) } }
    }

    private func report(_ request: Request, _ context: Context, gaps: Bool) throws -> Response {
        let parameters = QueryParameters(request)
        let now = Instant.now()
        let period = try parameters.patrolDays(now: now)
        let options = try parameters.coverageOptions()
        let frequency = try parameters.choice("frequency", PatrolFrequency.self)
        let minArea = try parameters.number("min_area", in: 0...1e9) ?? 0
        let scope = CoverageScope(town: parameters.text("town"), village: parameters.text("village"), grid: parameters.text("grid"))
        let boundaries = try served.current().boundaries
        if let unknown = scope.unknownUnit(in: boundaries.snapshot) {
            throw APIError(.notFound, "unknown_\(unknown.level.rawValue)", "no \(unknown.level.rawValue) has the code '\(unknown.code)'")
        }
        let format = try parameters.choice("format", ListFormat.self) ?? .geojson
        guard !gaps || format == .geojson else { throw APIError.badRequest("invalid_parameter", "blind spots are GeoJSON only ('format')") }
        let rows = try store.coverageReport(period: period, scope: scope, options: options, frequency: frequency,
                                            withGaps: gaps, resolvers: boundaries.history)
        let sees = { (row: GridCoverageRow) in context.viewer.seesPersonal(town: row.town?.code, village: row.village?.code) }
        if !gaps {
            for row in rows where !row.coverage.members.isEmpty && sees(row) { context.audit.disclosed(row.grid.code) }
        }
        if format != .geojson {
            return try .spreadsheet([SheetTable(coverage: rows, seesMembers: sees)], xlsx: format == .xlsx, name: "coverage-\(period.lowerBound)")
        }
        let body = gaps ? CoverageGeoJSON.gaps(rows, period: period, radius: options.radius, minArea: minArea)
            : CoverageGeoJSON.grids(rows, period: period, radius: options.radius, now: now, viewer: context.viewer)
        return Response(status: .ok, headers: [.contentType: "application/geo+json; charset=utf-8"], body: ResponseBody(byteBuffer: body))
    }
}
