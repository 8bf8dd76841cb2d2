import CProj

/// A horizontal coordinate reference system by EPSG code, as PROJ's database describes it: what
/// a GeoPackage's `gpkg_spatial_ref_sys` and a Shapefile's `.prj` need.
public struct CRSDefinition: Sendable, Equatable {
    public let epsg: Int
    /// E.g. "CGCS2000 / 3-degree Gauss-Kruger CM 120E".
    public let name: String
    /// True for longitude/latitude systems, false for projected ones.
    public let isGeographic: Bool
    /// OGC WKT 1 (GDAL's flavour, with AUTHORITY nodes): GeoPackage's `definition`.
    public let wkt: String
    /// ESRI WKT 1: a Shapefile's `.prj`.
    public let esriWKT: String

    /// Looks the code up; throws for codes PROJ does not know and for CRSs that are not 2D
    /// geographic or projected (vertical, compound, geocentric).
    public init(epsg: Int) throws(ProjectionError) {
        self.epsg = epsg
        guard let context = proj_context_create() else { throw ProjectionError(epsg: epsg, message: "no PROJ context") }
        defer { proj_context_destroy(context) }
        guard let crs = proj_create(context, "EPSG:\(epsg)") else {
            throw ProjectionError(epsg: epsg, message: "unknown EPSG code")
        }
        defer { proj_destroy(crs) }
        switch proj_get_type(crs) {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS: isGeographic = true
        case PJ_TYPE_PROJECTED_CRS: isGeographic = false
        default: throw ProjectionError(epsg: epsg, message: "not a 2D geographic or projected CRS")
        }
        guard let wkt = proj_as_wkt(context, crs, PJ_WKT1_GDAL, nil), let esri = proj_as_wkt(context, crs, PJ_WKT1_ESRI, nil) else {
            throw ProjectionError(epsg: epsg, message: "no WKT 1 form")
        }
        name = String(cString: proj_get_name(crs))
        self.wkt = String(cString: wkt)
        esriWKT = String(cString: esri)
    }
}
