import GridMapCore
import GridMapGeometry

/// Density answers as GeoJSON FeatureCollections, each naming its `period` and `previous_period`;
/// figures rounded to 3 decimals.
extension JSONWriter {
    /// Units with `count`, `area_km2`, `per_km2`, `previous_count`, `change`, `change_ratio` and
    /// `class`; `"geometry":null` unless `outlines`.
    public mutating func unitDensity(_ report: UnitDensityReport, outlines: Bool) {
        raw("{\"type\":\"FeatureCollection\"")
        periods(report.filter)
        raw(",\"classification\":{\"method\":"); string(report.method.rawValue)
        raw(",\"upper_bounds\":")
        array(report.classification.upperBounds) { json, bound in json.number(Self.rounded(bound, 3)) }
        raw("},\"features\":")
        array(report.units) { json, unit in
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string(unit.boundary.unit.code)
            json.raw(",\"geometry\":")
            if outlines { json.multiPolygonGeometry(unit.boundary.geometry) } else { json.raw("null") }
            json.raw(",\"properties\":{\"code\":"); json.string(unit.boundary.unit.code)
            json.raw(",\"name\":"); json.string(unit.boundary.unit.name)
            json.raw(",\"count\":"); json.number(unit.count)
            json.raw(",\"area_km2\":"); json.number(Self.rounded(unit.areaKm2, 3))
            json.raw(",\"per_km2\":"); json.number(Self.rounded(unit.perKm2, 3))
            json.raw(",\"previous_count\":"); json.number(unit.previousCount)
            json.raw(",\"change\":"); json.number(unit.count - unit.previousCount)
            json.raw(",\"change_ratio\":")
            json.optionalNumber(unit.previousCount > 0
                ? Self.rounded(Double(unit.count - unit.previousCount) / Double(unit.previousCount), 3) : nil)
            json.raw(",\"class\":"); json.number(unit.densityClass)
            json.raw("}}")
        }
        raw("}")
    }

    /// The bins with `count` and `per_km2`, after the `bin` they are laid out on.
    public mutating func binDensity(_ report: BinDensityReport) {
        raw("{\"type\":\"FeatureCollection\"")
        periods(report.filter)
        raw(",\"bin\":{\"shape\":"); string(report.grid.shape.rawValue)
        raw(",\"size_m\":"); number(report.grid.size); raw(",\"area_km2\":"); number(Self.rounded(report.binKm2, 3))
        raw("},\"features\":")
        array(report.bins) { json, bin in
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string(bin.id)
            json.raw(",\"geometry\":"); json.polygonGeometry(bin.outline)
            json.raw(",\"properties\":{\"count\":"); json.number(bin.count)
            json.raw(",\"per_km2\":"); json.number(Self.rounded(Double(bin.count) / report.binKm2, 3))
            json.raw("}}")
        }
        raw("}")
    }

    /// Points with their `weight`: 1 each, or clusters of `cluster_size_m` weighted by their events.
    public mutating func weightedPoints(_ points: [WeightedPoint], clusterSize: Double?, events: Int, filter: EventFilter) {
        raw("{\"type\":\"FeatureCollection\"")
        periods(filter)
        raw(",\"events\":"); number(events)
        raw(",\"cluster_size_m\":"); optionalNumber(clusterSize)
        raw(",\"features\":")
        array(points) { json, point in
            json.raw("{\"type\":\"Feature\",\"geometry\":"); json.pointGeometry(point.point)
            json.raw(",\"properties\":{\"weight\":"); json.number(point.weight); json.raw("}}")
        }
        raw("}")
    }

    /// The isobands, `kde-1` first, with their `level` and `threshold_per_km2`, after the `kernel`.
    public mutating func kernelDensity(_ report: KernelDensityReport) {
        raw("{\"type\":\"FeatureCollection\"")
        periods(report.filter)
        raw(",\"events\":"); number(report.events)
        raw(",\"kernel\":{\"shape\":\"quartic\",\"bandwidth_m\":"); number(report.bandwidth)
        raw(",\"cell_m\":"); number(report.cellSize); raw(",\"epsg\":"); number(report.zone.epsg)
        raw(",\"peak_per_km2\":"); number(Self.rounded(report.peakPerKm2, 3))
        raw(",\"integral\":"); number(Self.rounded(report.integral, 3))
        raw("},\"features\":")
        array(report.bands.enumerated()) { json, item in
            let (i, band) = item
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string("kde-\(i + 1)")
            json.raw(",\"geometry\":"); json.multiPolygonGeometry(band.geometry)
            json.raw(",\"properties\":{\"level\":"); json.number(i + 1)
            json.raw(",\"threshold_per_km2\":"); json.number(Self.rounded(band.thresholdPerKm2, 3)); json.raw("}}")
        }
        raw("}")
    }

    private mutating func periods(_ filter: EventFilter) {
        for (name, period) in [("period", filter), ("previous_period", filter.previousPeriod)] {
            raw(","); string(name); raw(":{\"from\":"); instant(period.from)
            raw(",\"to\":"); instant(period.to); raw("}")
        }
    }
}
