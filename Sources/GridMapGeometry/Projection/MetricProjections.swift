import Synchronization

/// One ``MetricProjection`` per Gauss-Krüger zone, taken on first use from a pool (or made):
/// points are projected in the zone of their own longitude. Not thread-safe, like the projections
/// it holds; give them back with ``MetricProjectionPool/withProjections(_:)``.
public struct MetricProjections {
    private var byZone: [GaussKrugerZone: MetricProjection] = [:]
    private let pool: MetricProjectionPool?

    /// Projections made for this value alone.
    public init() { pool = nil }

    init(pool: MetricProjectionPool) { self.pool = pool }

    /// The projection of `zone`.
    public mutating func projection(_ zone: GaussKrugerZone) throws(ProjectionError) -> MetricProjection {
        if let known = byZone[zone] { return known }
        let made: MetricProjection
        if let lent = pool?.take(zone) { made = lent } else { made = try MetricProjection(zone: zone) }
        byZone[zone] = made
        return made
    }

    /// A longitude/latitude in metres of its own zone, and the zone.
    public mutating func project(_ point: Coordinate) throws(ProjectionError) -> (Coordinate, GaussKrugerZone) {
        let zone = GaussKrugerZone(longitude: point.x)
        return (try projection(zone).forward(point), zone)
    }

    /// Area in m² of a geometry on the zone of its centre; 0 when it is empty.
    public mutating func area(_ geometry: MultiPolygon) throws(ProjectionError) -> Double {
        guard let box = geometry.boundingBox else { return 0 }
        return try projection(GaussKrugerZone(longitude: (box.minX + box.maxX) / 2)).area(geometry)
    }

    fileprivate var taken: [MetricProjection] { Array(byZone.values) }
}

/// Projections kept between requests: PROJ takes milliseconds to set one up, longer than most
/// requests need it for. Each projection is lent to one borrower at a time.
public final class MetricProjectionPool: Sendable {
    /// The process's pool.
    public static let shared = MetricProjectionPool()

    private let idle = Mutex<[GaussKrugerZone: [MetricProjection]]>([:])

    public init() {}

    /// Runs `body` with projections borrowed from the pool, and gives them back afterwards.
    public func withProjections<T>(_ body: (inout MetricProjections) throws -> T) rethrows -> T {
        var projections = MetricProjections(pool: self)
        defer {
            let taken = projections.taken
            idle.withLock { idle in for projection in taken { idle[projection.zone, default: []].append(projection) } }
        }
        return try body(&projections)
    }

    fileprivate func take(_ zone: GaussKrugerZone) -> MetricProjection? {
        idle.withLock { $0[zone]?.popLast() }
    }
}
