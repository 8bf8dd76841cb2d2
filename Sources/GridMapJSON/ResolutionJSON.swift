import GridMapCore
import GridMapGeometry
import NIOCore

/// Writes resolutions as JSON. Each grid's `{"grid":…,"village":…,"town":…` part, and the whole
/// head of a point inside just that grid, are rendered once per boundary revision, so most of a
/// bulk response is copied rather than formatted.
public struct ResolutionJSON: Sendable {
    /// The resolver whose answers these are.
    public let resolver: Resolver
    private let gridParts: [ByteBuffer]
    /// `{"grid":…,"village":…,"town":…,"on_boundary":false,"candidates":["code"]` per grid.
    let singleCoverHeads: RenderedParts
    /// `{"grid":null,"village":…,"town":…,"on_boundary":false,"candidates":[]` for points no grid
    /// covers: per village (with its own town), then per town (no village), then neither.
    let outsideHeads: RenderedParts
    /// `,"nearest":{"code":…,"name":…,"distance_m":` per grid.
    let nearestParts: RenderedParts

    /// Renders the per-grid parts of `resolver`'s answers (once per boundary revision).
    public init(_ resolver: Resolver) {
        self.resolver = resolver
        gridParts = resolver.grids.indices.map { i in
            var json = JSONWriter()
            Self.units(&json, grid: resolver.grids[i], village: resolver.village(ofGrid: i), town: resolver.town(ofGrid: i))
            return json.buffer
        }
        singleCoverHeads = RenderedParts(resolver.grids.indices.lazy.map { [gridParts] i in
            var json = JSONWriter()
            json.raw("{"); json.raw(gridParts[i])
            json.raw(",\"on_boundary\":false,\"candidates\":["); json.string(resolver.grids[i].code); json.raw("]")
            return Array(json.buffer.readableBytesView)
        })
        let places = resolver.villages.indices.map { v in
            (resolver.villages[v], resolver.villageTown[v] >= 0 ? resolver.towns[Int(resolver.villageTown[v])] : nil)
        } + resolver.towns.map { (nil, $0) } + [(nil, nil)]
        outsideHeads = RenderedParts(places.lazy.map { village, town in
            var json = JSONWriter()
            json.raw("{")
            Self.units(&json, grid: nil, village: village, town: town)
            json.raw(",\"on_boundary\":false,\"candidates\":[]")
            return Array(json.buffer.readableBytesView)
        })
        nearestParts = RenderedParts(resolver.grids.lazy.map { grid in
            var json = JSONWriter()
            json.raw(",\"nearest\":{\"code\":"); json.string(grid.code)
            json.raw(",\"name\":"); json.string(grid.name)
            json.raw(",\"distance_m\":")
            return Array(json.buffer.readableBytesView)
        })
    }

    /// The three prerendered part lists as raw memory, for a bulk render loop.
    struct PartViews {
        let singleCoverHeads: RenderedParts.View
        let outsideHeads: RenderedParts.View
        let nearestParts: RenderedParts.View
    }

    /// Calls `body` with views of the prerendered parts, valid for the duration of the call.
    func withPartViews<R>(_ body: (PartViews) -> R) -> R {
        singleCoverHeads.withView { heads in
            outsideHeads.withView { outside in
                nearestParts.withView { nearest in
                    body(PartViews(singleCoverHeads: heads, outsideHeads: outside, nearestParts: nearest))
                }
            }
        }
    }

    /// The pieces of the bulk form of a point no grid covers, up to its nearest grid's distance
    /// (`{"grid":null,…,"nearest":{…,"distance_m":`), as ``write(_:_:input:point:crs:people:routed:)``
    /// writes it: its position in ``outsideHeads``, its nearest grid's in ``nearestParts`` and the
    /// distance. Nil when there is no grid at all or the village's town is not the point's.
    func outsideParts(_ point: Coordinate) -> (head: Int, nearest: Int, meters: Double)? {
        let place = resolver.placeOutsideGrids(point)
        let villages = resolver.villages.count, towns = resolver.towns.count
        let head = place.village >= 0 ? (place.town == Int(resolver.villageTown[place.village]) ? place.village : nil)
            : place.town >= 0 ? villages + place.town : villages + towns
        guard let head, let nearest = place.nearest else { return nil }
        return (head, nearest.grid, nearest.meters)
    }

    /// One full resolution object (GET /v1/resolve, or bulk with people), with the routing of
    /// an event category when one was asked for. With a `people` viewer, the grid's and village's
    /// people as that viewer may see them: masked unless they see personal data, none outside
    /// their scope.
    public func write(_ json: inout JSONWriter, _ r: Resolution, input: Coordinate, point: Coordinate, crs: CoordinateSystem,
               people viewer: Viewer?, routed: Result<RoutedCategory, RoutingError>? = nil) {
        json.raw("{")
        Self.units(&json, grid: r.grid, village: r.village, town: r.town)
        if let viewer {
            json.key("people")
            let town = r.town?.code, village = r.village?.code
            if viewer.scope.covers(town: town, village: village) {
                let masked = !viewer.seesPersonal(town: town, village: village)
                json.array(resolver.people(of: r.grid) + resolver.people(of: r.village)) { $0.person($1, masked: masked) }
            } else {
                json.raw("[]")
            }
        }
        json.raw(",\"on_boundary\":"); json.bool(r.onBoundary)
        json.key("candidates"); json.array(r.candidates)
        if let nearest = r.nearest {
            json.raw(",\"nearest\":{\"code\":"); json.string(nearest.unit.code)
            json.raw(",\"name\":"); json.string(nearest.unit.name)
            json.raw(",\"distance_m\":"); json.tenths(nearest.meters); json.raw("}")
        }
        if let routed { json.routingMembers(routed) }
        json.raw(",\"crs\":"); json.string(crs.rawValue)
        json.raw(",\"input\":["); json.number(input.x); json.raw(","); json.number(input.y)
        json.raw("],\"point\":["); json.number(point.x); json.raw(","); json.number(point.y); json.raw("]}")
    }

    /// The bulk form of a point on a boundary up to its candidates (`{"grid":…,"candidates":[…]`);
    /// the caller adds the crs, input and point.
    func writeBoundaryHead(_ json: inout JSONWriter, _ hit: CompactResolution, point: Coordinate) {
        json.raw("{"); json.raw(gridParts[Int(hit.grid)])
        json.raw(",\"on_boundary\":true,\"candidates\":")
        json.array(resolver.gridIndex.covering(point.x, point.y)) { $0.string(resolver.grids[$1].code) }
    }

    private static func units(_ json: inout JSONWriter, grid: AdminUnit?, village: AdminUnit?, town: AdminUnit?) {
        json.raw("\"grid\":"); unit(&json, grid)
        json.raw(",\"village\":"); unit(&json, village)
        json.raw(",\"town\":"); unit(&json, town)
    }

    private static func unit(_ json: inout JSONWriter, _ unit: AdminUnit?) {
        guard let unit else { json.raw("null"); return }
        json.raw("{\"code\":"); json.string(unit.code); json.raw(",\"name\":"); json.string(unit.name); json.raw("}")
    }
}

extension JSONWriter {
    /// A responsible person: role, name, phone (both masked when `masked`), unit, post (AB岗) and absence.
    public mutating func person(_ person: Person, masked: Bool) {
        raw("{\"role\":"); string(person.role.rawValue)
        raw(",\"name\":"); string(masked ? PersonalMask.name(person.name) : person.name)
        raw(",\"phone\":"); string(masked ? PersonalMask.phone(person.phone) : person.phone)
        raw(",\"unit\":"); string(person.unitCode)
        raw(",\"post\":"); string(person.post.rawValue)
        raw(",\"absent\":"); bool(person.absent); raw("}")
    }

    /// What an absence change did: the unit, whether anything changed, and who is on duty now
    /// (in full: only the command room changes absences).
    public mutating func absenceUpdate(unit: String, changed: Bool, onDuty: [Person]) {
        raw("{\"unit\":"); string(unit); raw(",\"changed\":"); bool(changed)
        raw(",\"on_duty\":"); array(onDuty) { $0.person($1, masked: false) }
        raw("}")
    }
}
