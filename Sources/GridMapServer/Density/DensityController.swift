import Foundation
import GridMapCore
import GridMapGeometry
import GridMapJSON
import Hummingbird

/// Incident density as GeoJSON FeatureCollections, aggregated in memory from the events' facts
/// table. Every endpoint filters by `from`, `to` (default: the 30 days up to now), `category`
/// (with sub-categories), `platform`, `status`, `town`, `village` and `bbox`.
///
/// - `/v1/density/{grids,villages,towns}`: every unit with `count`, `area_km2`, `per_km2`
///   (areas on the CGCS2000 Gauss-Krüger zone of the unit), `previous_count` and `change` against
///   the period of equal length before, and its `class` of `per_km2` (`classes=N`, default 5;
///   `method=quantile|jenks`, default jenks). Events count toward the unit they were routed to.
///   `geometry=none` leaves the outlines out (`"geometry":null`): a province layer's 85,000 grid
///   outlines are ~10 M vertices, which clients that already draw the units (tiles, `/v1/grids`)
///   join by `id` instead of downloading again.
/// - `/v1/density/{hex,square}?size=METRES` (default 200): the non-empty bins with stable ids.
/// - `/v1/density/points?limit=N` (default 10,000): the events as points of weight 1, or clusters
///   weighted by their number of events when there are more than `limit`.
/// - `/v1/density/kde?bandwidth=METRES&cell=METRES&levels=N` (defaults 500, 100, 5): a quartic
///   kernel density on a raster in the Gauss-Krüger zone of the events' median longitude, as
///   nested isobands: level i is where the density reaches i/(N+1) of its peak.
struct DensityController<Context: RequestContext>: Sendable {
    let served: ServedStateHolder
    /// Bins and kernel densities run under it.
    let heavyWork: HeavyWorkGate

    func addRoutes(to routes: RouteTable<Context>) {
        for level in AdminLevel.allCases {
            routes.get("/v1/density/\(level.rawValue)s") { request, _ in try unitDensity(request, level: level) }
        }
        for shape in BinShape.allCases {
            routes.get("/v1/density/\(shape.rawValue)") { request, _ in
                try await heavyWork.run("density bins") { try binDensity(request, shape: shape) }
            }
        }
        routes.get("/v1/density/points") { request, _ in try weightedPoints(request) }
        routes.get("/v1/density/kde") { request, _ in try await heavyWork.run("a kernel density") { try kernelDensity(request) } }
    }

    private func unitDensity(_ request: Request, level: AdminLevel) throws -> Response {
        let parameters = QueryParameters(request)
        let filter = try Self.filter(parameters)
        let classes = try parameters.integer("classes", in: 1...12) ?? 5
        let method = try parameters.choice("method", ClassificationMethod.self) ?? .jenks
        let outlines = try parameters.choice("geometry", UnitGeometry.self) ?? .full
        let state = try served.current()
        let report = UnitDensityReport(try state.events.facts(), filter: filter, level: level, snapshot: state.boundaries.snapshot,
                                       areas: try state.boundaries.areas(level), classes: classes, method: method)
        var json = JSONWriter(capacity: 4096 + report.units.count * 320
                              + (outlines == .full ? report.units.reduce(0) { $0 + $1.boundary.geometry.vertexCount * 40 } : 0))
        json.unitDensity(report, outlines: outlines == .full)
        return json.response()
    }

    private func binDensity(_ request: Request, shape: BinShape) throws -> Response {
        let parameters = QueryParameters(request)
        let filter = try Self.filter(parameters)
        let grid = BinGrid(shape: shape, size: try parameters.number("size", in: 10...50_000) ?? 200)
        let report = try BinDensityReport(try served.current().events.facts(), filter: filter, grid: grid)
        var json = JSONWriter(capacity: 1024 + report.bins.count * 400)
        json.binDensity(report)
        return json.response()
    }

    private func weightedPoints(_ request: Request) throws -> Response {
        let parameters = QueryParameters(request)
        let filter = try Self.filter(parameters)
        let limit = try parameters.integer("limit", in: 1...100_000) ?? 10_000
        let table = try served.current().events.facts()
        let rows = table.rows(matching: filter)
        let (points, clusterSize) = table.weightedPoints(rows: rows, limit: limit)
        var json = JSONWriter(capacity: 1024 + points.count * 100)
        json.weightedPoints(points, clusterSize: clusterSize, events: rows.count, filter: filter)
        return json.response()
    }

    private func kernelDensity(_ request: Request) throws -> Response {
        let parameters = QueryParameters(request)
        let filter = try Self.filter(parameters)
        let report = try KernelDensityReport(try served.current().events.facts(), filter: filter,
                                             bandwidth: try parameters.number("bandwidth", in: 10...20_000) ?? 500,
                                             cellSize: try parameters.number("cell", in: 5...5_000) ?? 100,
                                             levels: try parameters.integer("levels", in: 1...20) ?? 5)
        var json = JSONWriter(capacity: 4096 + report.bands.reduce(0) { $0 + $1.geometry.vertexCount * 40 })
        json.kernelDensity(report)
        return json.response()
    }

    /// The filter of a density request.
    static func filter(_ parameters: QueryParameters, now: Instant = .now()) throws -> EventFilter {
        let to = try parameters.instant("to") ?? now
        let from = try parameters.instant("from") ?? to.adding(hours: -30 * 24)
        guard from < to else { throw APIError.badRequest("invalid_parameter", "'from' must be before 'to'") }
        var filter = EventFilter(from: from, to: to)
        filter.category = parameters.text("category")
        filter.platform = parameters.text("platform")
        filter.status = try parameters.status()
        filter.town = parameters.text("town")
        filter.village = parameters.text("village")
        filter.bbox = try parameters.bbox()
        return filter
    }
}

/// Whether unit densities carry the units' outlines.
enum UnitGeometry: String, CaseIterable {
    case full
    case omitted = "none"
}
