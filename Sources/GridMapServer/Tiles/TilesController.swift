import Foundation
import GridMapCore
import GridMapGeometry
import GridMapJSON
import GridMapTiles
import Hummingbird

/// Vector tiles: `GET /tiles/{layer}/{z}/{x}/{y}.mvt` (Mapbox Vector Tile 2.1, EPSG:3857, extent
/// 4096, buffer 64; gzip when the client accepts it) and `GET /tiles/{layer}.json` (TileJSON
/// 3.0.0). Layers: towns, villages, grids, events, density-grids, density-hex, grid-scores; the event layers
/// take the density filters (`from`, `to` — default the 30 days up to now —, `category`, …);
/// grid-scores takes `period` and `town` (the grid assessment, ``AssessmentResult``).
/// Tiles carry a strong ETag over the layer, address, query and the store's revisions, and are
/// answered 304 when it matches `If-None-Match`.
struct TilesController<Context: RequestContext>: Sendable {
    let store: any GridMapRepository
    let served: ServedStateHolder
    let clock: ServerClock
    let patrolCache: PatrolFiguresCache
    /// The last grid assessments drawn, for 30 s: a map view asks for a dozen tiles at once.
    private let scoreCache = ScoreCache()

    /// Zooms the TileJSON advertises; clients over-zoom beyond.
    static var zooms: ClosedRange<Int> { 0...16 }

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/tiles/:layer/:z/:x/:y") { request, context in try tile(request, context: context) }
        // "/tiles/{layer}.json": the router wants one parameter name per path position.
        routes.get("/tiles/:layer") { request, context in try tileJSON(request, context: context) }
    }

    private func tile(_ request: Request, context: Context) throws -> Response {
        let layer = try Self.layer(context.parameters.get("layer"))
        let yText = context.parameters.get("y") ?? ""
        guard yText.hasSuffix(".mvt"), let z = context.parameters.get("z", as: Int.self),
              let x = context.parameters.get("x", as: Int.self), let y = Int(yText.dropLast(4)) else {
            throw APIError.badRequest("invalid_tile", "tiles are addressed /tiles/{layer}/{z}/{x}/{y}.mvt")
        }
        let id = try TileID(z: z, x: x, y: y)
        let state = try served.current()
        let snapshot = state.boundaries.snapshot
        let parameters = QueryParameters(request)
        let filter = try DensityController<Context>.filter(parameters)
        let table = layer.followsEvents ? try state.events.facts() : EventFactsTable()
        let scores = layer == .gridScores ? try gridScores(parameters, state, eventsMark: table.mark) : [:]
        let version = "\(layer.rawValue)/\(id)?\(layer.followsEvents ? request.uri.query ?? "" : "")"
            + "#\(snapshot.revision)/\(table.mark)/\(layer.followsEvents ? filter.to.milliseconds / 1000 : 0)"
            + scores.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.score)" }.joined(separator: ",")
        let etag = "\"" + String(Self.fnv1a(version), radix: 16) + "\""
        var headers: HTTPFields = [.eTag: etag, .cacheControl: layer.followsEvents ? "public, max-age=60" : "public, max-age=300",
                                   .vary: "Accept-Encoding"]
        if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) == true {
            return Response(status: .notModified, headers: headers)
        }
        let sources = TileSources(snapshot: snapshot, facts: table, filter: filter,
                                  gridAreas: layer == .densityGrids ? try state.boundaries.areas(.grid) : [:], gridScores: scores)
        var bytes = try TileRenderer(sources: sources, layers: [layer]).tile(at: id).encoded()
        if request.headers[.acceptEncoding]?.contains("gzip") == true {
            bytes = try Gzip.compress(bytes)
            headers[.contentEncoding] = "gzip"
        }
        headers[.contentType] = "application/vnd.mapbox-vector-tile"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `grid-scores`: the grid assessment of `period` (required) in `town` (default the one served).
    private func gridScores(_ parameters: QueryParameters, _ state: ServedState,
                            eventsMark: Int64) throws -> [String: (score: Double, rank: Int)] {
        guard let text = parameters.text("period") else {
            throw APIError.badRequest("missing_parameter", "the grid-scores layer needs 'period' (2025, 2025-Q4 or 2025-11)")
        }
        guard let period = AssessmentPeriod(text) else { throw APIError(AssessmentError.invalidPeriod(text)) }
        let town = try state.town(parameters.text("town")).code
        let now = clock.now()
        let key = "\(town)/\(period)/\(state.boundaries.snapshot.revision)/\(eventsMark)"
        return try scoreCache.value(for: key, now: now) {
            let result = try store.assess(town: town, period: period, subject: .grid, resolvers: state.boundaries.history, asOf: now,
                                          patrolCache: patrolCache)
            return Dictionary(result.subjects.map { ($0.unit.code, (score: $0.score, rank: $0.rank)) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private func tileJSON(_ request: Request, context: Context) throws -> Response {
        let document = context.parameters.get("layer") ?? ""
        guard document.hasSuffix(".json") else { throw APIError(.notFound, "not_found", "no tile document \(document)") }
        let layer = try Self.layer(String(document.dropLast(5)))
        let snapshot = served.latest.boundaries.snapshot
        let extent = snapshot.towns.compactMap(\.geometry.boundingBox).reduce(nil) { $0?.union($1) ?? $1 }
        let host = request.head.authority ?? "127.0.0.1"
        let query = request.uri.query.map { "?" + $0 } ?? ""
        var json = JSONWriter()
        json.tileJSON(layer: layer.rawValue, tiles: "http://\(host)/tiles/\(layer.rawValue)/{z}/{x}/{y}.mvt\(query)",
                      zooms: Self.zooms, fields: layer.fields, extent: extent)
        return json.response()
    }

    private static func layer(_ name: String?) throws -> TileLayer {
        guard let name, let layer = TileLayer(rawValue: name) else {
            throw APIError(.notFound, "unknown_layer", "unknown tile layer '\(name ?? "")' (one of: "
                + TileLayer.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return layer
    }

    /// 64-bit FNV-1a: a stable digest for ETags.
    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
