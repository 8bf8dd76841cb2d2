import GridMapCore
import GridMapGeometry

/// Writes resolutions as JSON, with each grid's `"grid":…,"village":…,"town":…` part rendered
/// once per boundary revision so a lookup's response is mostly a copy.
struct ResolutionJSON: Sendable {
    let resolver: Resolver
    private let gridParts: [[UInt8]]

    init(_ resolver: Resolver) {
        self.resolver = resolver
        gridParts = resolver.grids.indices.map { i in
            var json = JSONWriter()
            Self.units(&json, grid: resolver.grids[i], village: resolver.village(ofGrid: i), town: resolver.town(ofGrid: i))
            return json.bytes
        }
    }

    /// One full resolution object (GET /v1/resolve, or bulk with people).
    func write(_ json: inout JSONWriter, _ r: Resolution, input: Coordinate, point: Coordinate, crs: CoordinateSystem,
               people: Bool) {
        json.raw("{")
        Self.units(&json, grid: r.grid, village: r.village, town: r.town)
        if people {
            json.raw(",\"people\":[")
            let all = resolver.people(of: r.grid) + resolver.people(of: r.village)
            for (i, person) in all.enumerated() {
                if i > 0 { json.raw(",") }
                json.raw("{\"role\":"); json.string(person.role.rawValue)
                json.raw(",\"name\":"); json.string(person.name)
                json.raw(",\"phone\":"); json.string(person.phone)
                json.raw(",\"unit\":"); json.string(person.unitCode); json.raw("}")
            }
            json.raw("]")
        }
        json.raw(",\"onBoundary\":"); json.bool(r.onBoundary)
        json.raw(",\"candidates\":[")
        for (i, code) in r.candidates.enumerated() {
            if i > 0 { json.raw(",") }
            json.string(code)
        }
        json.raw("]")
        if let nearest = r.nearest {
            json.raw(",\"nearest\":{\"code\":"); json.string(nearest.unit.code)
            json.raw(",\"name\":"); json.string(nearest.unit.name)
            json.raw(",\"distance_m\":"); json.number((nearest.meters * 10).rounded() / 10); json.raw("}")
        }
        json.raw(",\"crs\":"); json.string(crs.rawValue)
        json.raw(",\"input\":["); json.number(input.x); json.raw(","); json.number(input.y)
        json.raw("],\"point\":["); json.number(point.x); json.raw(","); json.number(point.y); json.raw("]}")
    }

    /// The bulk form of a covered point: prerendered units, candidates, and the input and point
    /// numbers copied from the request text (`inputText`, `pointText`) to avoid reformatting.
    func writeCompact<I: Collection, P: Collection>(_ json: inout JSONWriter, _ hit: CompactResolution, point: Coordinate,
                                                    crs: CoordinateSystem, inputText: I, pointText: P)
    where I.Element == UInt8, P.Element == UInt8 {
        json.raw("{")
        json.raw(gridParts[Int(hit.grid)])
        json.raw(",\"onBoundary\":"); json.bool(hit.onBoundary)
        json.raw(",\"candidates\":[")
        if hit.coverCount == 1 {
            json.raw("\""); json.raw(bytes: resolver.grids[Int(hit.grid)].code.utf8); json.raw("\"")
        } else {
            for (i, g) in resolver.gridIndex.covering(point.x, point.y).enumerated() {
                if i > 0 { json.raw(",") }
                json.string(resolver.grids[g].code)
            }
        }
        json.raw("],\"crs\":"); json.string(crs.rawValue)
        json.raw(",\"input\":["); json.raw(bytes: inputText)
        json.raw("],\"point\":["); json.raw(bytes: pointText); json.raw("]}")
    }

    private static func units(_ json: inout JSONWriter, grid: AdminUnit?, village: AdminUnit?, town: AdminUnit?) {
        for (i, (key, unit)) in [("grid", grid), ("village", village), ("town", town)].enumerated() {
            if i > 0 { json.raw(",") }
            json.raw("\""); json.raw(bytes: key.utf8); json.raw("\":")
            guard let unit else { json.raw("null"); continue }
            json.raw("{\"code\":"); json.string(unit.code); json.raw(",\"name\":"); json.string(unit.name); json.raw("}")
        }
    }
}
