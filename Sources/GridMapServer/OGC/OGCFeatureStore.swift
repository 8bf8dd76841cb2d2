import GridMapCore
import GridMapExport
import GridMapGeometry
import Synchronization

/// A page of a collection's features: those matching the query after its cursor, how many match
/// in all, and the cursor of the next page (nil on the last).
struct OGCPage {
    var features: [ExportFeature]
    var numberMatched: Int
    var next: String?
}

/// Reads collections' features: boundaries from the served snapshot (their features kept per
/// boundary revision) or, for `datetime`, the snapshot valid then; events from the store, with
/// their counts kept per events revision.
final class OGCFeatureStore: Sendable {
    private let store: any EventRepository
    private let boundaries: ServedBoundaries
    private let resolvers: HistoricalResolvers
    private let current = Mutex<(revision: Int, layers: [ExportLayer: [BoundaryFeature]])>((-1, [:]))
    private let counts = Mutex<(revision: Int64, byFilter: [String: Int])>((-1, [:]))
    private let eventExtents = Mutex<(revision: Int64, extent: EventExtent?)>((-1, nil))

    /// Where and when the events were reported.
    struct EventExtent: Sendable {
        var box: BoundingBox
        var first: String
        var last: String
    }

    /// A boundary's feature and its bounding box.
    struct BoundaryFeature: Sendable {
        var feature: ExportFeature
        var box: BoundingBox
        var code: String
    }

    init(store: any EventRepository, boundaries: ServedBoundaries, resolvers: HistoricalResolvers) {
        self.store = store
        self.boundaries = boundaries
        self.resolvers = resolvers
    }

    func page(_ collection: OGCCollection, _ query: OGCItemsQuery) throws -> OGCPage {
        collection == .events ? try eventPage(query) : try boundaryPage(collection.layer, query)
    }

    /// One feature by id, current (nil when there is none).
    func feature(_ collection: OGCCollection, id: String) throws -> ExportFeature? {
        guard collection == .events else {
            return try boundaryFeatures(collection.layer, asOf: nil).first { $0.code == id }?.feature
        }
        guard let number = Int64(id), number > 0 else { return nil }
        var query = EventQuery()
        query.after = number - 1
        query.limit = 1
        return try store.eventSummaries(query).first { $0.id == number }.map(ExportLayer.eventFeature)
    }

    /// The box of a collection's current features; nil when it has none.
    func extent(_ collection: OGCCollection) throws -> BoundingBox? {
        guard collection == .events else {
            return try boundaryFeatures(collection.layer, asOf: nil).map(\.box).reduce(nil) { $0?.union($1) ?? $1 }
        }
        return try eventExtent()?.box
    }

    /// The events' extent, read once per events revision (a scan of every event).
    func eventExtent() throws -> EventExtent? {
        let revision = try store.eventsRevision()
        if let known = eventExtents.withLock({ $0.revision == revision ? $0 : nil }) { return known.extent }
        let extent = try store.eventExtent().map { EventExtent(box: $0.box, first: $0.first, last: $0.last) }
        eventExtents.withLock { $0 = (revision, extent) }
        return extent
    }

    private func boundaryPage(_ layer: ExportLayer, _ query: OGCItemsQuery) throws -> OGCPage {
        let asOf: String?
        switch query.datetime {
        case nil: asOf = nil
        case .instant(let t): asOf = Timestamp.format(milliseconds: t)
        case .interval:
            throw APIError.badRequest("invalid_parameter", "'datetime': \(layer.rawValue) are versioned boundaries; ask for an instant to get those valid then")
        }
        var matching = try boundaryFeatures(layer, asOf: asOf)
        if let box = query.bbox { matching = try Self.intersecting(matching, box) }
        let start = query.after.map { after in matching.firstIndex { $0.code > after } ?? matching.count } ?? 0
        let page = matching[start...].prefix(query.limit)
        let more = start + page.count < matching.count
        return OGCPage(features: page.map(\.feature), numberMatched: matching.count, next: more ? page.last?.code : nil)
    }

    private func boundaryFeatures(_ layer: ExportLayer, asOf: String?) throws -> [BoundaryFeature] {
        if let asOf { return try Self.boundaryFeatures(layer, try resolvers.resolver(at: asOf).snapshot) }
        let snapshot = boundaries.resolver.snapshot
        if let known = current.withLock({ $0.revision == snapshot.revision ? $0.layers[layer] : nil }) { return known }
        let features = try Self.boundaryFeatures(layer, snapshot)
        current.withLock {
            if $0.revision != snapshot.revision { $0 = (snapshot.revision, [:]) }
            $0.layers[layer] = features
        }
        return features
    }

    private static func boundaryFeatures(_ layer: ExportLayer, _ snapshot: AdminSnapshot) throws -> [BoundaryFeature] {
        try layer.boundaryFeatures(in: snapshot).compactMap { feature in
            guard case .multiPolygon(let geometry) = feature.geometry, let box = geometry.boundingBox,
                  case .text(let code) = feature.id else { return nil }
            return BoundaryFeature(feature: feature, box: box, code: code)
        }
    }

    /// The features whose geometry intersects `box` (GEOS, for those only partly inside it).
    private static func intersecting(_ features: [BoundaryFeature], _ box: BoundingBox) throws -> [BoundaryFeature] {
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

    private func eventPage(_ ogc: OGCItemsQuery) throws -> OGCPage {
        var query = EventQuery()
        query.bbox = ogc.bbox
        (query.from, query.to) = ogc.reportedRange
        let matched = try eventCount(query)
        // Boxes holding over 5 % of the events page faster in id order (see `boxIsDense`).
        query.boxIsDense = try query.bbox != nil && matched * 20 > eventCount(EventQuery())
        if let after = ogc.after {
            guard let id = Int64(after) else { throw APIError.badRequest("invalid_parameter", "'after' must be an event number") }
            query.after = id
        }
        query.limit = ogc.limit + 1
        let events = try store.eventSummaries(query)
        let page = events.prefix(ogc.limit)
        return OGCPage(features: page.map(ExportLayer.eventFeature), numberMatched: matched,
                       next: events.count > ogc.limit ? page.last.map { String($0.id) } : nil)
    }

    /// Events matching the filters of `query`, counted once per events revision.
    private func eventCount(_ query: EventQuery) throws -> Int {
        let key = "\(query.bbox.map { "\($0)" } ?? "")|\(query.from ?? "")|\(query.to ?? "")"
        let revision = try store.eventsRevision()
        if let known = counts.withLock({ $0.revision == revision ? $0.byFilter[key] : nil }) { return known }
        let count = try store.eventCount(query)
        counts.withLock {
            if $0.revision != revision || $0.byFilter.count >= 1_000 { $0 = (revision, [:]) }
            $0.byFilter[key] = count
        }
        return count
    }
}
