import Foundation
import GridMapCore
import GridMapExport
import GridMapGeometry
import GridMapJSON
import Hummingbird

/// OGC API - Features - Part 1: Core, GeoJSON and OpenAPI 3.0 conformance classes, under `/ogc`:
/// the landing page, `/ogc/api` (the OpenAPI document), `/ogc/conformance`, `/ogc/collections`,
/// `/ogc/collections/{id}`, `/ogc/collections/{id}/items` (see ``OGCItemsQuery``) and
/// `/ogc/collections/{id}/items/{featureId}`. Links are absolute, on the host the client asked.
/// Only CRS84; no HTML (`f=json` is accepted, other formats are a 400). Events are the caller's
/// scope's, their descriptions withheld unless the caller may see personal data (the collection's
/// extent and counts stay the whole store's: they show no one's data).
struct OGCController<Context: AccessRequestContext>: Sendable {
    let store: any EventRepository
    let served: ServedStateHolder

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/ogc") { request, _ in try document(request) { json, base in json.ogcLanding(base) } }
        routes.get("/ogc/conformance") { request, _ in try document(request) { json, _ in json.ogcConformance() } }
        routes.get("/ogc/api") { request, _ in try openAPI(request) }
        routes.get("/ogc/collections") { request, context in try document(request) { json, base in
            let features = try readFeatures(context)
            json.ogcCollections(try OGCCollection.allCases.map { ($0, try features.extent($0), try features.reported($0)) }, base: base)
        } }
        routes.get("/ogc/collections/:collection") { request, context in
            let collection = try Self.collection(context)
            return try document(request) { json, base in
                let features = try readFeatures(context)
                json.ogcCollection(collection, extent: try features.extent(collection), reported: try features.reported(collection), base: base)
            }
        }
        routes.get("/ogc/collections/:collection/items") { request, context in try items(request, context) }
        routes.get("/ogc/collections/:collection/items/:featureId") { request, context in
            try item(request, context, id: context.parameters.get("featureId") ?? "")
        }
    }

    private func items(_ request: Request, _ context: Context) throws -> Response {
        let collection = try Self.collection(context)
        let query = try OGCItemsQuery(QueryParameters(request))
        let page = try readFeatures(context).page(collection, query)
        let base = OGCBase(authority: request.head.authority)
        let itemsURL = "\(base.collection(collection))/items"
        let pageParameters = query.filters + [("limit", "\(query.limit)")]
        var json = JSONWriter(capacity: 1024)
        json.ogcItems(page, of: collection, at: .now(),
                      selfURL: itemsURL + Self.queryString(pageParameters + (query.after.map { [("after", $0)] } ?? [])),
                      nextURL: page.next.map { itemsURL + Self.queryString(pageParameters + [("after", $0)]) }, base: base)
        return Self.response(json, type: "application/geo+json")
    }

    private func item(_ request: Request, _ context: Context, id: String) throws -> Response {
        let collection = try Self.collection(context)
        let parameters = QueryParameters(request)
        try parameters.rejectUnknown(allowed: ["f"])
        try OGCFormat.check(parameters, allowing: ["json", "geojson"])
        guard let feature = try readFeatures(context).feature(collection, id: id) else {
            throw APIError(.notFound, "unknown_feature", "\(collection.rawValue) has no feature '\(id)'")
        }
        var json = JSONWriter(capacity: 4096)
        json.ogcItem(feature, id: id, of: collection, base: OGCBase(authority: request.head.authority))
        return Self.response(json, type: "application/geo+json")
    }

    /// The features as of the store's current revisions, for one request and its caller.
    private func readFeatures(_ context: Context) throws -> OGCFeatures {
        OGCFeatures(store: store, state: try served.current(), viewer: context.viewer, audit: context.audit)
    }

    private func openAPI(_ request: Request) throws -> Response {
        let parameters = QueryParameters(request)
        try parameters.rejectUnknown(allowed: ["f"])
        try OGCFormat.check(parameters, allowing: ["json"])
        var json = JSONWriter(capacity: 8192)
        json.raw(json: OGCOpenAPI.document(serverURL: OGCBase(authority: request.head.authority).url))
        return Self.response(json, type: "application/vnd.oai.openapi+json;version=3.0")
    }

    /// A JSON document that takes no parameters but `f=json`.
    private func document(_ request: Request, _ body: (inout JSONWriter, OGCBase) throws -> Void) throws -> Response {
        let parameters = QueryParameters(request)
        try parameters.rejectUnknown(allowed: ["f"])
        try OGCFormat.check(parameters, allowing: ["json"])
        var json = JSONWriter(capacity: 4096)
        try body(&json, OGCBase(authority: request.head.authority))
        return Self.response(json, type: "application/json")
    }

    private static func collection(_ context: Context) throws -> OGCCollection {
        let id = context.parameters.get("collection") ?? ""
        guard let collection = OGCCollection(rawValue: id) else {
            throw APIError(.notFound, "unknown_collection", "no collection '\(id)' (one of: "
                + OGCCollection.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return collection
    }

    private static func queryString(_ items: [(String, String)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+/:,")
        return "?" + items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }.joined(separator: "&")
    }

    private static func response(_ json: JSONWriter, type: String) -> Response {
        var response = json.response()
        response.headers[.contentType] = type
        return response
    }
}
