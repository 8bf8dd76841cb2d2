import Foundation

/// The OpenAPI 3.0 definition of the `/ogc` endpoints (the landing page's `service-desc`): paths
/// per collection with their query parameters, so clients learn `limit`'s maximum.
public enum OGCOpenAPI {
    public static func document(serverURL: String) -> String {
        let json: [String: Any] = [
            "openapi": "3.0.3",
            "info": ["title": "GridMap OGC API - Features", "version": "1.0.0",
                     "description": "Towns, villages, grids and events of township grid governance."],
            "servers": [["url": serverURL]],
            "paths": paths,
        ]
        let data = try! JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private static var paths: [String: Any] {
        var paths: [String: Any] = [
            "/": operation("landingPage", "The landing page", "application/json", [format(["json"])]),
            "/conformance": operation("getConformanceDeclaration", "The conformance classes", "application/json", [format(["json"])]),
            "/api": operation("getAPIDefinition", "This document", "application/vnd.oai.openapi+json;version=3.0", [format(["json"])]),
            "/collections": operation("getCollections", "The feature collections", "application/json", [format(["json"])]),
        ]
        for collection in OGCCollection.allCases {
            let id = collection.rawValue
            paths["/collections/\(id)"] = operation("describe_\(id)", collection.title, "application/json", [format(["json"])])
            paths["/collections/\(id)/items"] = operation("getFeatures_\(id)", "Features of \(collection.title)", "application/geo+json", [
                parameter("limit", "Features per page", ["type": "integer", "minimum": 1, "maximum": OGCPage.maximumLimit, "default": 10]),
                parameter("bbox", "minLon,minLat,maxLon,maxLat (CRS84)",
                          ["type": "array", "minItems": 4, "maxItems": 4, "items": ["type": "number"]], explode: false),
                parameter("datetime", "RFC 3339 instant or interval ('..' open)", ["type": "string"]),
                parameter("after", "Paging cursor: the id of the previous page's last feature (from the next link)", ["type": "string"]),
                format(["json", "geojson"]),
            ])
            paths["/collections/\(id)/items/{featureId}"] = operation("getFeature_\(id)", "One feature of \(collection.title)", "application/geo+json", [
                ["name": "featureId", "in": "path", "required": true, "schema": ["type": "string"]], format(["json", "geojson"]),
            ])
        }
        return paths
    }

    private static func operation(_ id: String, _ summary: String, _ type: String, _ parameters: [[String: Any]]) -> [String: Any] {
        ["get": ["operationId": id, "summary": summary, "parameters": parameters,
                 "responses": ["200": ["description": summary, "content": [type: ["schema": ["type": "object"]]]],
                               "400": ["description": "A parameter is wrong or unknown"],
                               "404": ["description": "No such collection or feature"]]]]
    }

    private static func parameter(_ name: String, _ description: String, _ schema: [String: Any], explode: Bool = true) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "description": description, "schema": schema, "style": "form", "explode": explode]
    }

    private static func format(_ names: [String]) -> [String: Any] {
        parameter("f", "The format", ["type": "string", "enum": names])
    }
}
