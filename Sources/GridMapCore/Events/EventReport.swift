import GridMapGeometry

/// An event as reported, before it is located and routed.
public struct EventReport: Sendable, Equatable {
    public var category: String
    public var description: String
    /// The coordinate as reported, in `crs`.
    public var coordinate: Coordinate
    public var crs: CoordinateSystem
    public var reportedAt: Instant
    public var source: EventSource
    public var reporter: String
    /// The event's id in the system it came from (a ``TextIdentifier``), when it has one: a
    /// second event with the same id is a re-delivery, not a new event.
    public var externalID: String?
    /// Reported in the town, or handed down by the county; an `externalID` is unique per origin.
    public var origin: EventOrigin
    /// The county's deadline for an assignment (上级交办): the event is due by the earlier of it
    /// and its category's deadline.
    public var upstreamDeadline: Instant?

    public init(category: String, description: String, coordinate: Coordinate, crs: CoordinateSystem,
                reportedAt: Instant, source: EventSource, reporter: String, externalID: String? = nil,
                origin: EventOrigin = .local, upstreamDeadline: Instant? = nil) {
        self.category = category
        self.description = description
        self.coordinate = coordinate
        self.crs = crs
        self.reportedAt = reportedAt
        self.source = source
        self.reporter = reporter
        self.externalID = externalID
        self.origin = origin
        self.upstreamDeadline = upstreamDeadline
    }
}

/// An event located and routed at its `reportedAt`: what is stored with it.
public struct LocatedEvent: Sendable {
    public var report: EventReport
    /// The WGS84 point resolved.
    public var point: Coordinate
    public var resolution: Resolution
    public var routed: RoutedCategory
    /// The grid's and village's people at the time.
    public var people: [Person]
    /// When handling is due: reported at plus the category's deadline, or the county's deadline
    /// when that is earlier (nil without either).
    public var deadline: Instant?

    public init(report: EventReport, point: Coordinate, resolution: Resolution, routed: RoutedCategory, people: [Person]) {
        self.report = report
        self.point = point
        self.resolution = resolution
        self.routed = routed
        self.people = people
        deadline = [routed.deadlineHours.map { report.reportedAt.adding(hours: Int64($0)) }, report.upstreamDeadline].compactMap { $0 }.min()
    }
}

extension Resolver {
    /// Locates and routes a report whose coordinate is already checked: converts to WGS84,
    /// resolves, routes by the town's model. The resolver must be the one valid at the report's time.
    public func locate(_ report: EventReport) throws(RoutingError) -> LocatedEvent {
        try locate(report, at: report.crs.toWGS84(report.coordinate))
    }

    /// The same for a report whose coordinate the caller already converted to WGS84 (`point`),
    /// routed by `router`'s platform models (default this resolver's; the current one's for an
    /// open event corrected at triage).
    public func locate(_ report: EventReport, at point: Coordinate, routedBy router: Resolver? = nil) throws(RoutingError) -> LocatedEvent {
        try located(report, at: point, resolution: resolve(point), routedBy: router ?? self)
    }

    /// Locates and routes a report at `point` but in grid `code` whatever the point says (the
    /// command room's correction at triage), with that grid's village, town and people, routed
    /// by `router`'s platform models; nil when this resolver has no grid of that code.
    public func locate(_ report: EventReport, at point: Coordinate, inGrid code: String,
                       routedBy router: Resolver? = nil) throws(RoutingError) -> LocatedEvent? {
        guard let position = grids.firstIndex(where: { $0.code == code }) else { return nil }
        return try located(report, at: point, resolution: Resolution(
            grid: grids[position], village: village(ofGrid: position), town: town(ofGrid: position), candidates: [code]),
            routedBy: router ?? self)
    }

    private func located(_ report: EventReport, at point: Coordinate, resolution: Resolution,
                         routedBy router: Resolver) throws(RoutingError) -> LocatedEvent {
        LocatedEvent(report: report, point: point, resolution: resolution, routed: try router.route(resolution, category: report.category),
                     people: people(of: resolution.grid) + people(of: resolution.village))
    }
}
