/// One ``MetricProjection`` per Gauss-Krüger zone, made on first use: points are projected in
/// the zone of their own longitude. Not thread-safe, like the projections it holds.
public struct MetricProjections {
    private var byZone: [GaussKrugerZone: MetricProjection] = [:]

    public init() {}

    /// The projection of `zone`.
    public mutating func projection(_ zone: GaussKrugerZone) throws(ProjectionError) -> MetricProjection {
        if let known = byZone[zone] { return known }
        let made = try MetricProjection(zone: zone)
        byZone[zone] = made
        return made
    }

    /// A longitude/latitude in metres of its own zone, and the zone.
    public mutating func project(_ point: Coordinate) throws(ProjectionError) -> (Coordinate, GaussKrugerZone) {
        let zone = GaussKrugerZone(longitude: point.x)
        return (try projection(zone).forward(point), zone)
    }
}
