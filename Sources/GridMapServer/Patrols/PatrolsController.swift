import Foundation
import GridMapCore
import GridMapGeometry
import GridMapJSON
import Hummingbird

/// `POST /v1/patrols`: a GPX, GeoJSON, CSV or NDJSON file of grid members' fixes. The format comes
/// from `format=`, else the content type, else the body's first bytes; `member=` names the member
/// for files without one (GPX), `crs=` the coordinate system of fixes that do not name theirs
/// (default wgs84), `encoding=utf8|gb18030` forces a CSV's encoding (default: UTF-8, else
/// GB18030; the answer's `encoding` says which was used, null for GPX, whose XML declares its own);
/// CSV and NDJSON times without a zone are Beijing time. Cleaning settings as in ``QueryParameters/cleaning()``; the coverage of the
/// changed days is computed at `radius` (default 30 m) before the answer. Any bad record is a
/// 400 naming it, a member outside the caller's scope a 403 (``AccessScope/check(members:in:)``),
/// and nothing is stored.
struct PatrolsController<Context: AccessRequestContext>: Sendable {
    let store: any PatrolRepository
    let served: ServedStateHolder
    let limits: ServerLimits

    func addRoutes(to routes: RouteTable<Context>) {
        routes.post("/v1/patrols", needs: .uploadPatrols, use: upload)
    }

    @Sendable func upload(_ request: Request, context: Context) async throws -> Response {
        let parameters = QueryParameters(request)
        let cleaning = try parameters.cleaning()
        let options = try parameters.coverageOptions()
        let crs = try parameters.choice("crs", CoordinateSystem.self) ?? .wgs84
        let encoding = try parameters.choice("encoding", TextEncoding.self)
        let body = Data(buffer: try await request.collectBody(upTo: limits.maxBodyBytes))
        let format = try parameters.choice("format", PatrolFileFormat.self)
            ?? request.headers[.contentType].flatMap(PatrolFileFormat.init(contentType:))
        let contents = try PatrolFile.read(body, format: format, options: PatrolParseOptions(member: parameters.text("member"), crs: crs,
                                                                                          encoding: encoding))
        let usedFormat = format ?? PatrolFileFormat.sniff(body) ?? .csv
        let boundaries = try served.current().boundaries
        try context.scope.check(members: contents.fixes.lazy.map(\.member), in: boundaries.snapshot)
        let ingest = try await limits.heavyWork.run("a patrol upload's coverage") { [store, resolvers = boundaries.history] in
            try store.importPatrols(contents.fixes, source: "http", format: usedFormat.rawValue, cleaning: cleaning, options: options, resolvers: resolvers)
        }
        var json = JSONWriter(capacity: 1024)
        json.patrolUpload(ingest, format: usedFormat.rawValue, encoding: contents.encoding?.rawValue, radius: options.radius, cleaning: cleaning)
        return json.response(status: .created)
    }
}
