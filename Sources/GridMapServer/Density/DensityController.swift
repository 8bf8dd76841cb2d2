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

    /// Most bins one answer may hold.
    static var maxBins: Int { 200_000 }

    func addRoutes(to routes: RouteTable<Context>) {
        let units: [(String, AdminLevel, StatsDimension)] = [("grids", .grid, .grid), ("villages", .village, .village),
                                                             ("towns", .town, .town)]
        for (path, level, dimension) in units {
            routes.get("/v1/density/\(path)") { request, _ in try unitDensity(request, level: level, dimension: dimension) }
        }
        for shape in BinShape.allCases {
            routes.get("/v1/density/\(shape.rawValue)") { request, _ in
                try await heavyWork.run("density bins") { try binDensity(request, shape: shape) }
            }
        }
        routes.get("/v1/density/points") { request, _ in try weightedPoints(request) }
        routes.get("/v1/density/kde") { request, _ in try await heavyWork.run("a kernel density") { try kernelDensity(request) } }
    }

    private func unitDensity(_ request: Request, level: AdminLevel, dimension: StatsDimension) throws -> Response {
        let parameters = QueryParameters(request)
        let filter = try Self.filter(parameters)
        let classes = try parameters.integer("classes", in: 1...12) ?? 5
        let method = try parameters.choice("method", ClassificationMethod.self) ?? .jenks
        let outlines = try parameters.choice("geometry", UnitGeometry.self) ?? .full
        let state = try served.current()
        let table = try state.events.facts()
        let current = table.counts(by: dimension, rows: table.rows(matching: filter))
        let previous = table.counts(by: dimension, rows: table.rows(matching: filter.previousPeriod))
        let snapshot = state.boundaries.snapshot
        let areas = try state.boundaries.areas(level)
        let units = snapshot.boundaries(level, inTown: filter.town, village: filter.village).map { boundary in
            let position = table.position(of: boundary.unit.code, in: dimension).map(Int.init)
            let count = position.map { current[$0] } ?? 0, before = position.map { previous[$0] } ?? 0
            let area = areas[boundary.unit.code] ?? 0
            return (boundary: boundary, count: count, previous: before, area: area, perKm2: area > 0 ? Double(count) / area : 0)
        }
        let breaks = ClassBreaks(units.map(\.perKm2), classes: classes, method: method)
        var json = JSONWriter(capacity: 4096 + units.count * 320
                              + (outlines == .full ? units.reduce(0) { $0 + $1.boundary.geometry.vertexCount * 40 } : 0))
        json.raw("{\"type\":\"FeatureCollection\"")
        Self.writePeriods(filter, into: &json)
        json.raw(",\"classification\":{\"method\":"); json.string(method.rawValue)
        json.raw(",\"upper_bounds\":")
        json.array(breaks.upperBounds) { json, bound in
            json.number(Self.rounded(bound))
        }
        json.raw("},\"features\":")
        json.array(units) { json, unit in
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string(unit.boundary.unit.code)
            json.raw(",\"geometry\":")
            if outlines == .full { json.multiPolygonGeometry(unit.boundary.geometry) } else { json.raw("null") }
            json.raw(",\"properties\":{\"code\":"); json.string(unit.boundary.unit.code)
            json.raw(",\"name\":"); json.string(unit.boundary.unit.name)
            json.raw(",\"count\":"); json.number(unit.count)
            json.raw(",\"area_km2\":"); json.number(Self.rounded(unit.area))
            json.raw(",\"per_km2\":"); json.number(Self.rounded(unit.perKm2))
            json.raw(",\"previous_count\":"); json.number(unit.previous)
            json.raw(",\"change\":"); json.number(unit.count - unit.previous)
            json.raw(",\"change_ratio\":")
            json.optionalNumber(unit.previous > 0 ? Self.rounded(Double(unit.count - unit.previous) / Double(unit.previous)) : nil)
            json.raw(",\"class\":"); json.number(breaks.classOf(unit.perKm2))
            json.raw("}}")
        }
        json.raw("}")
        return json.response()
    }

    private func binDensity(_ request: Request, shape: BinShape) throws -> Response {
        let parameters = QueryParameters(request)
        let filter = try Self.filter(parameters)
        let grid = BinGrid(shape: shape, size: try parameters.number("size", in: 10...50_000) ?? 200)
        let table = try served.current().events.facts()
        let counts = table.binCounts(grid, rows: table.rows(matching: filter))
        guard counts.count <= Self.maxBins else {
            throw APIError.badRequest("too_many_bins", "\(counts.count) bins exceed \(Self.maxBins): use a larger 'size' or a smaller area")
        }
        let binKm2 = (shape == .hex ? 3.0.squareRoot() / 2 : 1) * grid.size * grid.size / 1_000_000
        let ordered = counts.sorted { ($0.key.zone, $0.key.r, $0.key.q) < ($1.key.zone, $1.key.r, $1.key.q) }
        let outlines = try MetricProjectionPool.shared.withProjections { projections in
            try ordered.map { cell, _ in
                let projection = try projections.projection(cell.zone)
                return grid.outline(of: cell).map(projection.inverse)
            }
        }
        var json = JSONWriter(capacity: 1024 + counts.count * 400)
        json.raw("{\"type\":\"FeatureCollection\"")
        Self.writePeriods(filter, into: &json)
        json.raw(",\"bin\":{\"shape\":"); json.string(shape.rawValue)
        json.raw(",\"size_m\":"); json.number(grid.size); json.raw(",\"area_km2\":"); json.number(Self.rounded(binKm2))
        json.raw("},\"features\":")
        json.array(zip(ordered, outlines)) { json, item in
            let ((cell, count), outline) = item
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string(grid.id(of: cell))
            json.raw(",\"geometry\":"); json.polygonGeometry(Polygon(exterior: outline))
            json.raw(",\"properties\":{\"count\":"); json.number(count)
            json.raw(",\"per_km2\":"); json.number(Self.rounded(Double(count) / binKm2))
            json.raw("}}")
        }
        json.raw("}")
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
        json.raw("{\"type\":\"FeatureCollection\"")
        Self.writePeriods(filter, into: &json)
        json.raw(",\"events\":"); json.number(rows.count)
        json.raw(",\"cluster_size_m\":"); json.optionalNumber(clusterSize)
        json.raw(",\"features\":")
        json.array(points) { json, point in
            json.raw("{\"type\":\"Feature\",\"geometry\":"); json.pointGeometry(point.point)
            json.raw(",\"properties\":{\"weight\":"); json.number(point.weight); json.raw("}}")
        }
        json.raw("}")
        return json.response()
    }

    private func kernelDensity(_ request: Request) throws -> Response {
        let parameters = QueryParameters(request)
        let filter = try Self.filter(parameters)
        let bandwidth = try parameters.number("bandwidth", in: 10...20_000) ?? 500
        let cell = try parameters.number("cell", in: 5...5_000) ?? 100
        let levels = try parameters.integer("levels", in: 1...20) ?? 5
        let table = try served.current().events.facts()
        let rows = table.rows(matching: filter)
        let longitudes = rows.map { table.points[Int($0)].x }.sorted()
        let zone = GaussKrugerZone(longitude: longitudes.isEmpty ? 120 : longitudes[longitudes.count / 2])
        let planar = try MetricProjectionPool.shared.withProjections { projections in
            let projection = try projections.projection(zone)
            return rows.map { row in
                table.zones[Int(row)] == zone ? table.planar[Int(row)] : projection.forward(table.points[Int(row)])
            }
        }
        let raster = try KernelDensity.quartic(points: planar, bandwidth: bandwidth, cellSize: cell)
        let bands = try raster.isobands(levels: levels)
        var json = JSONWriter(capacity: 4096 + bands.reduce(0) { $0 + $1.geometry.vertexCount * 40 })
        json.raw("{\"type\":\"FeatureCollection\"")
        Self.writePeriods(filter, into: &json)
        json.raw(",\"events\":"); json.number(rows.count)
        json.raw(",\"kernel\":{\"shape\":\"quartic\",\"bandwidth_m\":"); json.number(bandwidth)
        json.raw(",\"cell_m\":"); json.number(cell); json.raw(",\"epsg\":"); json.number(zone.epsg)
        json.raw(",\"peak_per_km2\":"); json.number(Self.rounded(raster.maximum))
        json.raw(",\"integral\":"); json.number(Self.rounded(raster.integral))
        json.raw("},\"features\":")
        let geometries = try MetricProjectionPool.shared.withProjections { projections in
            let projection = try projections.projection(zone)
            return bands.map { band in
                MultiPolygon(band.geometry.polygons.map { polygon in
                    Polygon(exterior: polygon.exterior.map(projection.inverse), holes: polygon.holes.map { $0.map(projection.inverse) })
                })
            }
        }
        json.array(zip(bands, geometries).enumerated()) { json, item in
            let (i, (band, geometry)) = item
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string("kde-\(i + 1)")
            json.raw(",\"geometry\":"); json.multiPolygonGeometry(geometry)
            json.raw(",\"properties\":{\"level\":"); json.number(i + 1)
            json.raw(",\"threshold_per_km2\":"); json.number(Self.rounded(band.threshold)); json.raw("}}")
        }
        json.raw("}")
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

    private static func writePeriods(_ filter: EventFilter, into json: inout JSONWriter) {
        let previous = filter.previousPeriod
        for (name, period) in [("period", filter), ("previous_period", previous)] {
            json.raw(","); json.string(name); json.raw(":{\"from\":"); json.instant(period.from)
            json.raw(",\"to\":"); json.instant(period.to); json.raw("}")
        }
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// Whether unit densities carry the units' outlines.
enum UnitGeometry: String, CaseIterable {
    case full
    case omitted = "none"
}
