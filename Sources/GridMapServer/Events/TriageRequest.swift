import GridMapCore
import GridMapGeometry

/// The command room's corrections sent with `{"to": "triaged"}` (研判): `category`, a corrected
/// place (`lon` and `lat` with an optional `crs`, or a `grid` code), and an override of where the
/// event goes (`platform` and/or `office`, with a `reason`).
struct TriageRequest {
    var category: String?
    var coordinate: Coordinate?
    var crs: CoordinateSystem?
    var grid: String?
    var override: RoutingOverride?

    /// Nothing to correct: a plain move.
    var isEmpty: Bool { category == nil && coordinate == nil && grid == nil && override == nil }

    init(_ body: JSONBody) throws {
        category = try body.optionalString("category")
        let lon = try body.optionalNumber("lon"), lat = try body.optionalNumber("lat")
        switch (lon, lat) {
        case (let lon?, let lat?): coordinate = Coordinate(lon, lat)
        case (nil, nil): coordinate = nil
        default: throw APIError.badRequest("missing_field", "a corrected coordinate needs both 'lon' and 'lat'")
        }
        let crsText = try body.optionalString("crs")
        crs = crsText == nil ? nil : try CoordinateSystem(requested: crsText)
        if crs != nil && coordinate == nil {
            throw APIError.badRequest("invalid_field", "'crs' is the system of a corrected 'lon'/'lat'")
        }
        grid = try body.optionalString("grid")
        if coordinate != nil && grid != nil {
            throw APIError.badRequest("invalid_field", "correct the place by 'lon'/'lat' or by 'grid', not both")
        }
        let platform = try body.optionalString("platform"), office = try body.optionalString("office")
        let reason = try body.optionalString("reason")
        if platform != nil || office != nil {
            override = RoutingOverride(platform: platform, office: office, reason: reason ?? "")
        } else if reason != nil {
            throw APIError.badRequest("invalid_field", "'reason' is the reason of a 'platform' or 'office' override")
        }
    }

    /// `event` located again at the corrected category or place by the boundaries `resolver`
    /// holds (those valid when it was reported) and routed by the town's current platform model
    /// (`current`'s, as a migration re-routes open events); nil when neither was corrected. A
    /// category alone keeps the event's grid.
    func relocated(_ event: EventRecord, locatingBy resolver: Resolver, routingBy current: Resolver) throws -> LocatedEvent? {
        guard category != nil || coordinate != nil || grid != nil else { return nil }
        var report = EventReport(category: category ?? event.category, description: event.description, coordinate: event.input,
                                 crs: try CoordinateSystem(requested: event.crs), reportedAt: event.reportedAt,
                                 source: EventSource(rawValue: event.source) ?? .gridMember, reporter: event.reporter)
        if let coordinate {
            report.coordinate = coordinate
            report.crs = crs ?? .wgs84
            try PointCheck.validate(coordinate, label: "the corrected coordinate")
            let point = report.crs.toWGS84(coordinate)
            try PointCheck.rejectSwapped(coordinate, used: point, crs: report.crs, resolver: resolver, label: "the corrected coordinate")
            return try resolver.locate(report, at: point, routedBy: current)
        }
        if let grid {
            guard let located = try resolver.locate(report, at: event.point, inGrid: grid, routedBy: current) else { throw TriageError.unknownGrid(grid) }
            return located
        }
        return try event.gridCode.flatMap { try resolver.locate(report, at: event.point, inGrid: $0, routedBy: current) }
            ?? resolver.locate(report, at: event.point, routedBy: current)
    }
}
