import GridMapGeometry

/// Grids prepared for coverage: each grid's WGS84 box and its polygon in metres on the CGCS2000
/// 3° Gauss-Krüger zone of its centre (via PROJ), with its area. Positions are those of the
/// resolver's grid index (codes ascending).
public struct CoverageGrids: Sendable {
    public let codes: [String]
    public let index: PolygonIndex
    public let zones: [GaussKrugerZone]
    /// Polygons in metres of their zone.
    public let metric: [MultiPolygon]
    public let metricBoxes: [BoundingBox]
    public let boxes: [BoundingBox]
    /// Areas in m².
    public let areas: [Double]

    public init(resolver: Resolver) throws {
        let geometries = resolver.gridGeometries
        codes = resolver.grids.map(\.code)
        index = resolver.gridIndex
        boxes = geometries.map { $0.boundingBox ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        let zones = boxes.map { GaussKrugerZone(longitude: ($0.minX + $0.maxX) / 2) }
        self.zones = zones
        let metric = try MetricProjectionPool.shared.withProjections { projections in
            try zip(geometries, zones).map { geometry, zone in geometry.mapCoordinates(try projections.projection(zone).forward) }
        }
        self.metric = metric
        areas = metric.map(\.planarArea)
        metricBoxes = metric.map { $0.boundingBox ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0) }
    }

    /// Throws when coverage at `radius` of any grid would need a raster over
    /// ``CoverageRaster/maximumCellCount`` cells; checked before any day is computed.
    public func checkRasters(radius: Double) throws(WorkLimitExceeded) {
        for (code, box) in zip(codes, metricBoxes) { try CoverageRaster.check(box: box, radius: radius, grid: code) }
    }
}
