import GridMapCore
import GridMapExport
import GridMapJSON
import Hummingbird

/// `GET /v1/export/{layer}.geojson`: a whole layer (towns, villages, grids, events, coverage,
/// density) as an RFC 7946 file, streamed a page at a time, so a million events take no more
/// memory than ten thousand. `as_of` (boundaries; `asOf` accepted for one release), `from`/`to` (events, density, coverage days) and
/// `precision` (decimals of positions, default 7) as for `gridmap export`. Shapefile and
/// GeoPackage exports are files of several parts or a database: they come from `gridmap export`.
struct ExportController<Context: AccessRequestContext>: Sendable {
    let store: any GridMapRepository
    let heavyWork: HeavyWorkGate

    func addRoutes(to routes: RouteTable<Context>) {
        routes.reads(below: "/v1/export", need: .export)
        routes.get("/v1/export/:file", needs: .export) { request, context in try export(request, context: context) }
    }

    private func export(_ request: Request, context: Context) throws -> Response {
        let file = context.parameters.get("file") ?? ""
        guard file.hasSuffix(".geojson"), let layer = ExportLayer(rawValue: String(file.dropLast(".geojson".count))) else {
            throw APIError(.notFound, "unknown_layer", "exports are /v1/export/{layer}.geojson for layer one of: "
                + ExportLayer.allCases.map(\.rawValue).joined(separator: ", ") + " (Shapefile and GeoPackage: gridmap export)")
        }
        let query = QueryParameters(request)
        try query.rejectUnknown(allowed: ["as_of", "asOf", "from", "to", "precision"])
        // Held until the stream ends (or the client leaves and the body is dropped).
        let permit = try heavyWork.acquire("an export")
        let geojson = FeatureGeoJSON(schema: layer.schema, decimals: try query.integer("precision", in: 0...15) ?? 7)
        let options = ExportOptions(asOf: query.text("as_of") ?? query.text("asOf"), from: query.text("from"), to: query.text("to"),
                                    viewer: context.viewer)
        let source = try layer.source(store: store, options: options)
        // Streamed after the audit entry is made: the entry names the export (its query says which events).
        if layer == .events && context.viewer.seesPersonal { context.audit.disclosed("export/events") }
        let body = ResponseBody { writer in
            var source = source
            try await writer.write(geojson.header())
            var count = 0
            while let page = try source.nextPage() {
                try await writer.write(geojson.page(page, first: count == 0))
                count += page.count
            }
            try await writer.write(geojson.footer())
            try await writer.finish(nil)
            permit.release()
        }
        return Response(status: .ok, headers: [.contentType: "application/geo+json; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"\(file)\""], body: body)
    }
}
