import GridMapGeometry

/// Each unit of a level with its events in a period and the period of equal length before, per
/// km² of its area, and its class of that density: what a choropleth map shows.
public struct UnitDensityReport: Sendable {
    public struct Unit: Sendable {
        public let boundary: Boundary
        public let count: Int
        public let previousCount: Int
        public let areaKm2: Double
        public let perKm2: Double
        /// 1-based class of `perKm2` among the report's `classification`.
        public let densityClass: Int
    }

    public let filter: EventFilter
    public let method: ClassificationMethod
    public let classification: ClassBreaks
    public let units: [Unit]

    /// The units of `level` within the filter's town and village, counting the events of `table`
    /// that match `filter` (and its previous period) toward the unit they were routed to;
    /// `areas` in km² by code.
    public init(_ table: EventFactsTable, filter: EventFilter, level: AdminLevel, snapshot: AdminSnapshot,
                areas: [String: Double], classes: Int, method: ClassificationMethod) {
        let dimension = level.statsDimension
        let current = table.counts(by: dimension, rows: table.rows(matching: filter))
        let previous = table.counts(by: dimension, rows: table.rows(matching: filter.previousPeriod))
        let counted = snapshot.boundaries(level, inTown: filter.town, village: filter.village).map { boundary in
            let position = table.position(of: boundary.unit.code, in: dimension).map(Int.init)
            let area = areas[boundary.unit.code] ?? 0, count = position.map { current[$0] } ?? 0
            return (boundary, count, position.map { previous[$0] } ?? 0, area, area > 0 ? Double(count) / area : 0)
        }
        let breaks = ClassBreaks(counted.map(\.4), classes: classes, method: method)
        self.filter = filter
        self.method = method
        classification = breaks
        units = counted.map { boundary, count, before, area, perKm2 in
            Unit(boundary: boundary, count: count, previousCount: before, areaKm2: area, perKm2: perKm2,
                 densityClass: breaks.classOf(perKm2))
        }
    }
}

extension AdminLevel {
    /// The statistics dimension counting events by units of this level.
    public var statsDimension: StatsDimension {
        switch self {
        case .town: .town
        case .village: .village
        case .grid: .grid
        }
    }
}
