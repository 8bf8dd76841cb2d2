import GridMapCore
import GridMapExport
import GridMapGeometry

/// A boundary's feature with its bounding box and code, as the collections page and filter them.
struct OGCBoundaryFeature: Sendable {
    var feature: ExportFeature
    var box: BoundingBox
    var code: String

    /// `layer`'s features in `snapshot`.
    static func all(_ layer: ExportLayer, in snapshot: AdminSnapshot) throws -> [OGCBoundaryFeature] {
        try layer.boundaryFeatures(in: snapshot).compactMap { feature in
            guard case .multiPolygon(let geometry) = feature.geometry, let box = geometry.boundingBox,
                  case .text(let code) = feature.id else { return nil }
            return OGCBoundaryFeature(feature: feature, box: box, code: code)
        }
    }
}

/// The collections' features for one request, read from one served state: boundaries from its
/// view (current features kept per revision; for `datetime`, the snapshot valid then), events
/// from the store with their counts and extent kept per events revision. Events are those of
/// `viewer`'s scope, their descriptions as `viewer` may see them (those shown go into `audit`).
struct OGCFeatures {
    let store: any EventRepository
    let state: ServedState
    let viewer: Viewer
    let audit: AuditNotes

    func page(_ collection: OGCCollection, _ query: OGCItemsQuery) throws -> OGCPage {
        collection == .events ? try eventPage(query) : try boundaryPage(collection.layer, query)
    }

    /// One feature by id, current (nil when there is none).
    func feature(_ collection: OGCCollection, id: String) throws -> ExportFeature? {
        guard collection == .events else {
            return try state.boundaries.features(collection.layer).first { $0.code == id }?.feature
        }
        guard let number = Int64(id), number > 0 else { return nil }
        var query = EventQuery()
        query.after = number - 1
        query.limit = 1
        guard let event = try store.eventSummaries(query).first(where: { $0.id == number }),
              viewer.scope.covers(town: event.townCode, village: event.villageCode) else { return nil }
        return feature(event)
    }

    /// The box of a collection's current features; nil when it has none.
    func extent(_ collection: OGCCollection) throws -> BoundingBox? {
        guard collection == .events else {
            return try state.boundaries.features(collection.layer).map(\.box).reduce(nil) { $0?.union($1) ?? $1 }
        }
        return try state.events.extent()?.box
    }

    /// When (and where) a collection's features were reported: the events'; nil for boundaries.
    func reported(_ collection: OGCCollection) throws -> EventExtent? {
        collection == .events ? try state.events.extent() : nil
    }

    private func boundaryPage(_ layer: ExportLayer, _ query: OGCItemsQuery) throws -> OGCPage {
        var matching: [OGCBoundaryFeature]
        switch query.datetime {
        case nil: matching = try state.boundaries.features(layer)
        case .instant(let t):
            matching = try OGCBoundaryFeature.all(layer, in: state.boundaries.snapshot(asOf: t))
        case .interval:
            throw APIError.badRequest("invalid_parameter", "'datetime': \(layer.rawValue) are versioned boundaries; ask for an instant to get those valid then")
        }
        if let box = query.bbox { matching = try Self.intersecting(matching, box) }
        let start = query.after.map { after in matching.firstIndex { $0.code > after } ?? matching.count } ?? 0
        let page = matching[start...].prefix(query.limit)
        let more = start + page.count < matching.count
        return OGCPage(features: page.map(\.feature), numberMatched: matching.count, next: more ? page.last?.code : nil)
    }

    /// The features whose geometry intersects `box` (GEOS, for those only partly inside it).
    private static func intersecting(_ features: [OGCBoundaryFeature], _ box: BoundingBox) throws -> [OGCBoundaryFeature] {
        let geos = GEOSContext()
        let rectangle = try geos.geometry(MultiPolygon([Polygon(exterior: [
            Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.minY), Coordinate(box.maxX, box.maxY),
            Coordinate(box.minX, box.maxY), Coordinate(box.minX, box.minY)])]))
        return try features.filter { candidate in
            guard candidate.box.intersects(box) else { return false }
            if box.contains(candidate.box) { return true }
            guard case .multiPolygon(let geometry) = candidate.feature.geometry else { return false }
            return try geos.geometry(geometry).intersects(rectangle)
        }
    }

    private func feature(_ event: EventSummary) -> ExportFeature {
        if viewer.seesPersonal(town: event.townCode, village: event.villageCode) { audit.disclosed("event/\(event.id)") }
        return ExportLayer.eventFeature(event, for: viewer)
    }

    private func eventPage(_ ogc: OGCItemsQuery) throws -> OGCPage {
        var asked = EventQuery()
        asked.bbox = ogc.bbox
        (asked.from, asked.to) = ogc.reportedRange
        guard var query = viewer.scope.narrowing(asked) else { return OGCPage(features: [], numberMatched: 0, next: nil) }
        let matched = try state.events.count(query)
        // Boxes holding over 5 % of the events page faster in id order (see `boxIsDense`).
        query.boxIsDense = try query.bbox != nil && matched * 20 > state.events.count(EventQuery())
        if let after = ogc.after {
            guard let id = Int64(after) else { throw APIError.badRequest("invalid_parameter", "'after' must be an event number") }
            query.after = id
        }
        query.limit = ogc.limit + 1
        let events = try store.eventSummaries(query)
        let page = events.prefix(ogc.limit)
        return OGCPage(features: page.map(feature), numberMatched: matched,
                       next: events.count > ogc.limit ? page.last.map { String($0.id) } : nil)
    }
}
