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
/// Only CRS84; no HTML (`f=json` is accepted, other formats are a 400).
struct OGCController<Context: RequestContext>: Sendable {
    let store: any EventRepository
    let served: ServedStateHolder

    static var conformance: [String] {
        ["core", "geojson", "oas30"].map { "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/\($0)" }
    }

    static var crs84: String { "http://www.opengis.net/def/crs/OGC/1.3/CRS84" }

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/ogc") { request, _ in try landing(request) }
        routes.get("/ogc/conformance") { request, _ in try document(request) { json, _ in
            json.object { $0.key("conformsTo"); $0.array(Self.conformance) }
        } }
        routes.get("/ogc/api") { request, _ in try openAPI(request) }
        routes.get("/ogc/collections") { request, _ in try document(request) { json, base in
            let features = try readFeatures()
            json.raw("{\"links\":["); link(&json, "\(base.url)/collections", "self", "application/json", "the collections")
            json.raw("],\"collections\":")
            try json.array(OGCCollection.allCases) { json, collection in
                try describe(collection, features, base: base, into: &json)
            }
            json.raw("}")
        } }
        routes.get("/ogc/collections/:collection") { request, context in
            let collection = try Self.collection(context)
            return try document(request) { json, base in try describe(collection, readFeatures(), base: base, into: &json) }
        }
        routes.get("/ogc/collections/:collection/items") { request, context in try items(request, try Self.collection(context)) }
        routes.get("/ogc/collections/:collection/items/:featureId") { request, context in
            try item(request, try Self.collection(context), id: context.parameters.get("featureId") ?? "")
        }
    }

    private func landing(_ request: Request) throws -> Response {
        try document(request) { json, base in
            json.raw("{\"title\":\"GridMap 网格治理\",\"description\":\"Towns, villages, grids and events of township grid governance (基层治理四平台)\",\"links\":[")
            link(&json, base.url, "self", "application/json", "this document"); json.raw(",")
            link(&json, "\(base.url)/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "the API definition"); json.raw(",")
            link(&json, "\(base.url)/conformance", "conformance", "application/json", "the conformance classes"); json.raw(",")
            link(&json, "\(base.url)/collections", "data", "application/json", "the feature collections")
            json.raw("]}")
        }
    }

    private func items(_ request: Request, _ collection: OGCCollection) throws -> Response {
        let parameters = QueryParameters(request)
        let query = try OGCItemsQuery(parameters)
        let page = try readFeatures().page(collection, query)
        let base = OGCBase(authority: request.head.authority)
        let geojson = FeatureGeoJSON(schema: collection.layer.schema)
        var json = JSONWriter(capacity: 1024)
        json.raw(geojson.header())
        json.raw(geojson.page(page.features, first: true))
        json.raw("],\"numberMatched\":"); json.number(page.numberMatched)
        json.raw(",\"numberReturned\":"); json.number(page.features.count)
        json.raw(",\"timeStamp\":"); json.instant(.now())
        let itemsURL = "\(base.collection(collection))/items"
        json.raw(",\"links\":[")
        link(&json, itemsURL + Self.queryString(query.filters + [("limit", "\(query.limit)")] + (query.after.map { [("after", $0)] } ?? [])),
             "self", "application/geo+json", "this page")
        if let next = page.next {
            json.raw(",")
            link(&json, itemsURL + Self.queryString(query.filters + [("limit", "\(query.limit)"), ("after", next)]),
                 "next", "application/geo+json", "the next page")
        }
        json.raw(","); link(&json, base.collection(collection), "collection", "application/json", collection.title)
        json.raw("]}")
        return Self.response(json, type: "application/geo+json")
    }

    private func item(_ request: Request, _ collection: OGCCollection, id: String) throws -> Response {
        let parameters = QueryParameters(request)
        try parameters.rejectUnknown(allowed: ["f"])
        try OGCFormat.check(parameters, allowing: ["json", "geojson"])
        guard let feature = try readFeatures().feature(collection, id: id) else {
            throw APIError(.notFound, "unknown_feature", "\(collection.rawValue) has no feature '\(id)'")
        }
        let base = OGCBase(authority: request.head.authority)
        var json = JSONWriter(capacity: 4096)
        FeatureGeoJSON(schema: collection.layer.schema).openFeature(feature, into: &json)
        json.raw(",\"links\":[")
        link(&json, "\(base.collection(collection))/items/\(id)", "self", "application/geo+json", "this feature"); json.raw(",")
        link(&json, base.collection(collection), "collection", "application/json", collection.title)
        json.raw("]}")
        return Self.response(json, type: "application/geo+json")
    }

    /// A collection's description: id, title, extent (CRS84; events' report times), item type.
    /// The features as of the store's current revisions, for one request.
    private func readFeatures() throws -> OGCFeatures { OGCFeatures(store: store, state: try served.current()) }

    private func describe(_ collection: OGCCollection, _ features: OGCFeatures, base: OGCBase, into json: inout JSONWriter) throws {
        json.raw("{\"id\":"); json.string(collection.rawValue)
        json.raw(",\"title\":"); json.string(collection.title)
        json.raw(",\"description\":"); json.string(collection.description)
        json.raw(",\"itemType\":\"feature\",\"crs\":["); json.string(Self.crs84); json.raw("],\"extent\":{")
        if let box = try features.extent(collection) {
            json.raw("\"spatial\":{\"bbox\":[[")
            json.number(box.minX); json.raw(","); json.number(box.minY); json.raw(","); json.number(box.maxX); json.raw(","); json.number(box.maxY)
            json.raw("]],\"crs\":"); json.string(Self.crs84); json.raw("}")
        }
        if collection == .events, let extent = try features.eventExtent() {
            json.raw(",\"temporal\":{\"interval\":[["); json.string(extent.first); json.raw(","); json.string(extent.last)
            json.raw("]],\"trs\":\"http://www.opengis.net/def/uom/ISO-8601/0/Gregorian\"}")
        }
        json.raw("},\"links\":[")
        link(&json, base.collection(collection), "self", "application/json", "this collection"); json.raw(",")
        link(&json, "\(base.collection(collection))/items", "items", "application/geo+json", collection.title)
        json.raw("]}")
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

    private func link(_ json: inout JSONWriter, _ href: String, _ rel: String, _ type: String, _ title: String) {
        json.raw("{\"href\":"); json.string(href); json.raw(",\"rel\":"); json.string(rel)
        json.raw(",\"type\":"); json.string(type); json.raw(",\"title\":"); json.string(title); json.raw("}")
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
