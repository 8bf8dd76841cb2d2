import GridMapCore
import GridMapGeometry
import GridMapJSON

/// The documents of OGC API - Features - Part 1 (Core, GeoJSON): the landing page, the
/// conformance declaration, collection descriptions, pages of items and single items, with
/// absolute links. Member names are the standard's (`conformsTo`, `numberMatched`, …).
public enum OGC {
    /// The conformance classes declared.
    public static let conformance = ["core", "geojson", "oas30"].map { "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/\($0)" }
    /// The one coordinate reference system served.
    public static let crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
}

extension JSONWriter {
    public mutating func ogcLanding(_ base: OGCBase) {
        raw("{\"title\":\"GridMap 网格治理\",\"description\":\"Towns, villages, grids and events of township grid governance (基层治理四平台)\",\"links\":")
        ogcLinks([(base.url, "self", "application/json", "this document"),
                  ("\(base.url)/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "the API definition"),
                  ("\(base.url)/conformance", "conformance", "application/json", "the conformance classes"),
                  ("\(base.url)/collections", "data", "application/json", "the feature collections")])
        raw("}")
    }

    public mutating func ogcConformance() {
        object { $0.key("conformsTo"); $0.array(OGC.conformance) }
    }

    /// `/collections`: every collection described (see ``ogcCollection(_:extent:reported:base:)``).
    public mutating func ogcCollections(_ collections: [(OGCCollection, extent: BoundingBox?, reported: EventExtent?)], base: OGCBase) {
        raw("{\"links\":")
        ogcLinks([("\(base.url)/collections", "self", "application/json", "the collections")])
        raw(",\"collections\":")
        array(collections) { json, described in
            json.ogcCollection(described.0, extent: described.extent, reported: described.reported, base: base)
        }
        raw("}")
    }

    /// A collection's description: id, title, extent (CRS84; for events, their report times), item type.
    public mutating func ogcCollection(_ collection: OGCCollection, extent: BoundingBox?, reported: EventExtent?, base: OGCBase) {
        raw("{\"id\":"); string(collection.rawValue)
        raw(",\"title\":"); string(collection.title)
        raw(",\"description\":"); string(collection.description)
        raw(",\"itemType\":\"feature\",\"crs\":["); string(OGC.crs84); raw("],\"extent\":{")
        if let box = extent {
            raw("\"spatial\":{\"bbox\":[[")
            number(box.minX); raw(","); number(box.minY); raw(","); number(box.maxX); raw(","); number(box.maxY)
            raw("]],\"crs\":"); string(OGC.crs84); raw("}")
        }
        if let reported {
            raw(",\"temporal\":{\"interval\":[["); string(reported.first); raw(","); string(reported.last)
            raw("]],\"trs\":\"http://www.opengis.net/def/uom/ISO-8601/0/Gregorian\"}")
        }
        raw("},\"links\":")
        ogcLinks([(base.collection(collection), "self", "application/json", "this collection"),
                  ("\(base.collection(collection))/items", "items", "application/geo+json", collection.title)])
        raw("}")
    }

    /// A page of items as a FeatureCollection, linking to itself (`selfURL`), the next page
    /// (`nextURL`, when there is one) and its collection.
    public mutating func ogcItems(_ page: OGCPage, of collection: OGCCollection, at timeStamp: Instant,
                                  selfURL: String, nextURL: String?, base: OGCBase) {
        let geojson = FeatureGeoJSON(schema: collection.layer.schema)
        raw(geojson.header())
        raw(geojson.page(page.features, first: true))
        raw("],\"numberMatched\":"); number(page.numberMatched)
        raw(",\"numberReturned\":"); number(page.features.count)
        raw(",\"timeStamp\":"); instant(timeStamp)
        raw(",\"links\":")
        ogcLinks([(selfURL, "self", "application/geo+json", "this page")]
                 + (nextURL.map { [($0, "next", "application/geo+json", "the next page")] } ?? [])
                 + [(base.collection(collection), "collection", "application/json", collection.title)])
        raw("}")
    }

    /// One item as a Feature linking to itself and its collection.
    public mutating func ogcItem(_ feature: ExportFeature, id: String, of collection: OGCCollection, base: OGCBase) {
        FeatureGeoJSON(schema: collection.layer.schema).openFeature(feature, into: &self)
        raw(",\"links\":")
        ogcLinks([("\(base.collection(collection))/items/\(id)", "self", "application/geo+json", "this feature"),
                  (base.collection(collection), "collection", "application/json", collection.title)])
        raw("}")
    }

    private mutating func ogcLinks(_ links: [(href: String, rel: String, type: String, title: String)]) {
        array(links) { json, link in
            json.object { json in
                json.key("href"); json.string(link.href)
                json.key("rel"); json.string(link.rel)
                json.key("type"); json.string(link.type)
                json.key("title"); json.string(link.title)
            }
        }
    }
}
