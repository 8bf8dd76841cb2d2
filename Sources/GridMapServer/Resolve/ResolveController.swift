import Foundation
import GridMapCore
import GridMapGeometry
import GridMapJSON
import Hummingbird

/// `GET /v1/resolve` (one point, with people, and with `category=` the platform it goes to) and
/// `POST /v1/resolve` (many points); both answer with the boundaries valid at `as_of` when given.
struct ResolveController<Context: AccessRequestContext>: Sendable {
    let served: ServedStateHolder
    let limits: ServerLimits

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/resolve", use: resolveOne)
        routes.post("/v1/resolve", needs: .resolve, use: resolveMany)
    }

    @Sendable func resolveOne(_ request: Request, context: Context) async throws -> Response {
        let query = request.uri.queryParameters
        let crs = try CoordinateSystem(requested: query["crs"].map(String.init))
        let lon = try Self.number(query["lon"].map(String.init), name: "lon")
        let lat = try Self.number(query["lat"].map(String.init), name: "lat")
        let served = try resolution(request)
        let input = Coordinate(lon, lat)
        try PointCheck.validate(input, label: "the point")
        let point = crs.toWGS84(input)
        try PointCheck.rejectSwapped(input, used: point, crs: crs, resolver: served.resolver, label: "the point")
        let resolution = served.resolver.resolve(point)
        let routed = try query["category"].map { category in
            let result = Result { () throws(RoutingError) in try served.resolver.route(resolution, category: String(category)) }
            if case .failure(let error) = result, case .unknownCategory = error {
                throw APIError.badRequest("unknown_category", error.description)
            }
            return result
        }
        let viewer = query["people"] == "false" ? nil : context.viewer
        if let viewer, viewer.seesPersonal(town: resolution.town?.code, village: resolution.village?.code) {
            context.audit.disclosed(resolution.grid?.code ?? resolution.village?.code ?? resolution.town?.code)
        }
        var json = JSONWriter(capacity: 1024)
        served.write(&json, resolution, input: input, point: point, crs: crs, people: viewer, routed: routed)
        return json.response()
    }

    @Sendable func resolveMany(_ request: Request, context: Context) async throws -> Response {
        var timer = PhaseTimer()
        let body = try await request.body.collect(upTo: limits.maxBodyBytes)
        timer.end("receive")
        let people = request.uri.queryParameters["people"] == "true" ? context.viewer : nil
        let queryCRS = request.uri.queryParameters["crs"].map(String.init)
        let list = try body.withUnsafeReadableBytes { bytes in
            do {
                return try PointListParser.parse(bytes, maxPoints: limits.maxPoints)
            } catch PointListParser.Failure.notPointList {
                return try PointListParser.parseFeatureCollection(bytes, maxPoints: limits.maxPoints)
            }
        }
        timer.end("parse")
        if people?.seesPersonal == true { context.audit.disclosed("people of \(list.count) points") }
        let crs = try CoordinateSystem(requested: list.crs ?? queryCRS)
        let served = try resolution(request)
        for i in 0..<list.count {
            try PointCheck.validate(Coordinate(list.values[2 * i], list.values[2 * i + 1]), label: "points[\(i)]")
        }
        let wgs = crs.toWGS84(interleaved: list.values)
        for i in 0..<list.count {
            try PointCheck.rejectSwapped(Coordinate(list.values[2 * i], list.values[2 * i + 1]),
                                         used: Coordinate(wgs[2 * i], wgs[2 * i + 1]), crs: crs,
                                         resolver: served.resolver, label: "points[\(i)]")
        }
        timer.end("check")
        context.logger.debug("bulk resolve", metadata: ["points": "\(list.count)", "ms": "\(timer.summary)"])
        let results = BulkResults(served: served, crs: crs, people: people, body: body, list: list, wgs: wgs)
        return results.response()
    }

    /// The latest served boundaries, or those valid at `as_of` (rendered per request: a past
    /// resolver is kept, its JSON parts are not).
    private func resolution(_ request: Request) throws -> ResolutionJSON {
        let boundaries = served.latest.boundaries
        guard let instant = try QueryParameters(request).asOf() else { return boundaries.resolution }
        return ResolutionJSON(try boundaries.history.resolver(at: instant))
    }

    static func number(_ text: String?, name: String) throws -> Double {
        guard let text, !text.isEmpty else { throw APIError.badRequest("missing_parameter", "query parameter '\(name)' is required") }
        guard let value = Double(text) else { throw APIError.badRequest("invalid_number", "'\(name)' is not a number: '\(text)'") }
        return value
    }
}
