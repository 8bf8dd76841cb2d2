import GridMapCore
import NIOCore

/// Coverage reports as GeoJSON FeatureCollections (shared by the API and `gridmap coverage`).
public enum CoverageGeoJSON {
    /// One feature per grid (id = code) with its boundary and figures; the patrolling members
    /// (their mobile numbers) masked unless `viewer` may see them there.
    public static func grids(_ rows: [GridCoverageRow], period: ClosedRange<PatrolDay>, radius: Double, now: Instant,
                             viewer: Viewer) -> ByteBuffer {
        var json = JSONWriter(capacity: 4096 + rows.reduce(0) { $0 + $1.geometry.vertexCount * 40 + 600 })
        header(&json, period: period, radius: radius)
        json.array(rows) { json, row in
            let c = row.coverage
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string(row.grid.code)
            json.raw(",\"geometry\":"); json.multiPolygonGeometry(row.geometry)
            json.raw(",\"properties\":")
            unit(&json, row)
            json.raw(",\"area_m2\":"); json.number(JSONWriter.rounded(c.area, 1))
            json.raw(",\"covered_m2\":"); json.number(JSONWriter.rounded(c.coveredArea, 1))
            json.raw(",\"covered_pct\":"); json.number(JSONWriter.rounded(c.coveredFraction * 100, 2))
            json.raw(",\"length_m\":"); json.number(JSONWriter.rounded(c.length, 1))
            json.raw(",\"dwell_min\":"); json.number(JSONWriter.rounded(c.dwellSeconds / 60, 1))
            json.raw(",\"stops\":"); json.number(c.stops)
            json.raw(",\"visits\":"); json.number(c.visits.count)
            json.raw(",\"last_visit\":"); json.instant(row.lastVisit.map(Instant.init(milliseconds:)))
            json.raw(",\"hours_since_last_visit\":")
            json.optionalNumber(row.lastVisit.map { JSONWriter.rounded(Double(min(now.milliseconds, period.upperBound.end) - $0) / 3_600_000, 2) })
            let masked = !viewer.seesPersonal(town: row.town?.code, village: row.village?.code)
            json.key("members"); json.array(masked ? c.members.map(PersonalMask.contact) : c.members)
            json.raw(",\"frequency\":"); json.string(c.compliance.frequency.rawValue)
            json.raw(",\"required_periods\":"); json.number(c.compliance.required)
            json.raw(",\"met_periods\":"); json.number(c.compliance.met)
            json.raw(",\"compliance\":"); json.number(JSONWriter.rounded(c.compliance.ratio, 4))
            json.raw(",\"compliant\":"); json.bool(c.compliance.compliant)
            json.raw("}}")
        }
        json.raw("}")
        return json.buffer
    }

    /// One feature per blind spot (id = grid code and rank) of at least `minArea` m².
    public static func gaps(_ rows: [GridCoverageRow], period: ClosedRange<PatrolDay>, radius: Double, minArea: Double) -> ByteBuffer {
        var json = JSONWriter(capacity: 4096 + rows.reduce(0) { $0 + $1.geometry.vertexCount * 60 })
        header(&json, period: period, radius: radius)
        let gaps = rows.flatMap { row in row.gaps.enumerated().filter { $0.element.area >= minArea }.map { (row, $0.offset, $0.element) } }
        json.array(gaps) { json, spot in
            let (row, rank, gap) = spot
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string("\(row.grid.code)-\(rank + 1)")
            json.raw(",\"geometry\":"); json.polygonGeometry(gap.polygon)
            json.raw(",\"properties\":")
            unit(&json, row)
            json.raw(",\"rank\":"); json.number(rank + 1)
            json.raw(",\"area_m2\":"); json.number(JSONWriter.rounded(gap.area, 1))
            json.raw(",\"grid_area_m2\":"); json.number(JSONWriter.rounded(row.coverage.area, 1))
            json.raw(",\"grid_covered_pct\":"); json.number(JSONWriter.rounded(row.coverage.coveredFraction * 100, 2))
            json.raw("}}")
        }
        json.raw("}")
        return json.buffer
    }

    private static func header(_ json: inout JSONWriter, period: ClosedRange<PatrolDay>, radius: Double) {
        json.raw("{\"type\":\"FeatureCollection\",\"period\":{\"first_day\":"); json.string(period.lowerBound.description)
        json.raw(",\"last_day\":"); json.string(period.upperBound.description)
        json.raw(",\"days\":"); json.number(Int(period.upperBound.number - period.lowerBound.number + 1))
        json.raw(",\"time_zone\":\"+08:00\"},\"radius_m\":"); json.number(radius)
        json.raw(",\"features\":")
    }

    /// Opens the properties object with the grid, its village and town.
    private static func unit(_ json: inout JSONWriter, _ row: GridCoverageRow) {
        json.raw("{\"code\":"); json.string(row.grid.code)
        json.raw(",\"name\":"); json.string(row.grid.name)
        json.raw(",\"village_code\":"); json.string(row.village?.code ?? "")
        json.raw(",\"village_name\":"); json.string(row.village?.name ?? "")
        json.raw(",\"town_code\":"); json.string(row.town?.code ?? "")
        json.raw(",\"town_name\":"); json.string(row.town?.name ?? "")
    }
}
