import GridMapCore

/// The layers GridMap exports for county GIS, with their attributes. The names are stable and
/// the same in every format (GeoJSON, GeoPackage, Shapefile); see the README's table.
public enum ExportLayer: String, CaseIterable, Sendable {
    case towns, villages, grids, events, coverage, density, operations

    public var schema: ExportSchema {
        switch self {
        case .towns: ExportSchema(name: rawValue, geometryType: .multiPolygon, fields: Self.unit + [Self.areaKm2])
        case .villages: ExportSchema(name: rawValue, geometryType: .multiPolygon, fields: Self.unit + Self.town + [Self.areaKm2])
        case .grids: ExportSchema(name: rawValue, geometryType: .multiPolygon, fields: Self.grid + [Self.areaKm2])
        case .density: ExportSchema(name: rawValue, geometryType: .multiPolygon, fields: Self.grid + Self.densityFigures)
        case .coverage: ExportSchema(name: rawValue, geometryType: .multiPolygon, fields: Self.grid + Self.coverageFigures)
        case .events: ExportSchema(name: rawValue, geometryType: .point, fields: Self.event)
        case .operations: ExportSchema(name: rawValue, geometryType: .multiPolygon, fields: Self.operation)
        }
    }

    /// The layer's features as `options` select them.
    public func source(store: any GridMapRepository, options: ExportOptions) throws -> any ExportFeatureSource {
        try options.check(for: self)
        switch self {
        case .towns, .villages, .grids:
            return ExportFeatureList(schema: schema, features: try boundaryFeatures(in: try store.snapshot(asOf: try options.asOfInstant())))
        case .events:
            return EventFeaturePages(store: store, query: options.viewer.scope.narrowing(try options.eventQuery()), viewer: options.viewer)
        case .density:
            let snapshot = try store.snapshot(asOf: try options.asOfInstant())
            // The in-memory facts table /v1/density/grids counts with, not SQL (that stays the tests' reference).
            let table = try store.eventFactsTable()
            let counts = table.counts(by: .grid, rows: table.rows(matching: try options.eventFilter()))
            let byCode = Dictionary(zip(table.keys[.grid] ?? [], counts), uniquingKeysWith: +)
            return ExportFeatureList(schema: schema, features: try BoundaryFeatures(snapshot).densityFeatures(byCode))
        case .coverage:
            let rows = try store.coverageReport(period: try options.patrolDays(), scope: CoverageScope(), options: CoverageOptions(),
                                                frequency: nil, withGaps: false, resolvers: HistoricalResolvers(store: store))
            return ExportFeatureList(schema: schema, features: rows.map(CoverageFeatures.feature))
        case .operations:
            return ExportFeatureList(schema: schema, features: try OperationFeatures.features(store: store, options: options))
        }
    }

    /// The features of a boundary layer (towns, villages, grids) in `snapshot`, by code; none for
    /// the other layers.
    public func boundaryFeatures(in snapshot: AdminSnapshot) throws -> [ExportFeature] {
        guard let level = AdminLevel(self) else { return [] }
        return try BoundaryFeatures(snapshot).features(of: level)
    }

    /// An event's feature in the events layer, its description withheld unless `viewer` may see it.
    public static func eventFeature(_ event: EventSummary, for viewer: Viewer) -> ExportFeature {
        EventFeaturePages.feature(event, masked: !viewer.seesPersonal(town: event.townCode, village: event.villageCode))
    }

    private static let unit = [ExportField("code", .text(width: 15)), ExportField("name", .text(width: 120))]
    private static let village = [ExportField("village", .text(width: 12)), ExportField("vill_name", .text(width: 120))]
    private static let town = [ExportField("town", .text(width: 12)), ExportField("town_name", .text(width: 120))]
    private static let areaKm2 = ExportField("area_km2", .real(decimals: 6))
    /// A grid's code and name, then its village's and town's.
    private static let grid = unit + village + town
    private static let densityFigures = [areaKm2, ExportField("events", .integer), ExportField("per_km2", .real(decimals: 3))]
    private static let coverageFigures = [
        ExportField("area_m2", .real(decimals: 1)), ExportField("covered_m2", .real(decimals: 1)),
        ExportField("cover_pct", .real(decimals: 2)), ExportField("length_m", .real(decimals: 1)),
        ExportField("dwell_min", .real(decimals: 1)), ExportField("visits", .integer),
        ExportField("last_visit", .text(width: 29)), ExportField("frequency", .text(width: 7)), ExportField("compliant", .integer),
    ]
    private static let operation = [
        ExportField("id", .integer), ExportField("title", .text(width: 120)), ExportField("town", .text(width: 12)),
        ExportField("offices", .text(width: 254)), ExportField("area_kind", .text(width: 8)), ExportField("grids", .text(width: 254)),
        ExportField("start", .text(width: 29)), ExportField("end", .text(width: 29)), ExportField("events", .text(width: 254)),
        ExportField("outcome", .text(width: 254)),
    ]
    private static let event = [
        ExportField("id", .integer), ExportField("category", .text(width: 40)), ExportField("cat_name", .text(width: 120)),
        ExportField("platform", .text(width: 20)), ExportField("plat_name", .text(width: 60)), ExportField("status", .text(width: 11)),
        ExportField("sup_level", .integer), ExportField("source", .text(width: 13)), ExportField("reported", .text(width: 29)),
        ExportField("deadline", .text(width: 29)), ExportField("closed", .text(width: 29)), ExportField("grid", .text(width: 15)),
        ExportField("village", .text(width: 12)), ExportField("town", .text(width: 12)), ExportField("descr", .text(width: 254)),
    ]
}

extension AdminLevel {
    /// The level a boundary layer holds.
    init?(_ layer: ExportLayer) {
        switch layer {
        case .towns: self = .town
        case .villages: self = .village
        case .grids: self = .grid
        default: return nil
        }
    }
}
