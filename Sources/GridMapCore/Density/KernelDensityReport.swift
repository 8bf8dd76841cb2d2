import GridMapGeometry

/// A quartic kernel density of the events matching a filter, on a raster in the Gauss-Krüger
/// zone of their median longitude, as nested isobands in longitude/latitude: level i is where
/// the density reaches i/(levels+1) of its peak.
public struct KernelDensityReport: Sendable {
    public struct Band: Sendable {
        public let thresholdPerKm2: Double
        public let geometry: MultiPolygon
    }

    public let filter: EventFilter
    /// Events the density is of.
    public let events: Int
    public let bandwidth: Double
    public let cellSize: Double
    public let zone: GaussKrugerZone
    public let peakPerKm2: Double
    /// The raster's sum times its cell area: the events counted (less what fell off its edge).
    public let integral: Double
    /// Level 1 first.
    public let bands: [Band]

    public init(_ table: EventFactsTable, filter: EventFilter, bandwidth: Double, cellSize: Double, levels: Int) throws {
        let rows = table.rows(matching: filter)
        let longitudes = rows.map { table.points[Int($0)].x }.sorted()
        let zone = GaussKrugerZone(longitude: longitudes.isEmpty ? 120 : longitudes[longitudes.count / 2])
        let planar = try MetricProjectionPool.shared.withProjections { projections in
            let projection = try projections.projection(zone)
            return rows.map { row in
                table.zones[Int(row)] == zone ? table.planar[Int(row)] : projection.forward(table.points[Int(row)])
            }
        }
        let raster = try KernelDensity.quartic(points: planar, bandwidth: bandwidth, cellSize: cellSize)
        let isobands = try raster.isobands(levels: levels)
        bands = try MetricProjectionPool.shared.withProjections { projections in
            let projection = try projections.projection(zone)
            return isobands.map { band in
                Band(thresholdPerKm2: band.threshold, geometry: MultiPolygon(band.geometry.polygons.map { polygon in
                    Polygon(exterior: polygon.exterior.map(projection.inverse), holes: polygon.holes.map { $0.map(projection.inverse) })
                }))
            }
        }
        self.filter = filter
        events = rows.count
        self.bandwidth = bandwidth
        self.cellSize = cellSize
        self.zone = zone
        peakPerKm2 = raster.maximum
        integral = raster.integral
    }
}
