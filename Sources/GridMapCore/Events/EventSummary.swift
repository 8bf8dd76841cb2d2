import GridMapGeometry

/// An event as county GIS sees it: where, what, whose and how far along, without the people's
/// names and phones, the reporter or the routing details (personal data stays in GridMap).
public struct EventSummary: Sendable {
    public var id: Int64
    public var point: Coordinate
    public var category: String
    /// The category's and platform's names in the town's model when the event was routed.
    public var categoryName: String?
    public var platform: String
    public var platformName: String?
    public var status: String
    /// The highest 督办 level reached (0–3).
    public var supervisionLevel: Int
    public var source: String
    public var reportedAt: Instant
    public var deadlineAt: Instant?
    public var closedAt: Instant?
    public var gridCode: String?
    public var villageCode: String?
    public var townCode: String?
    public var description: String

    public init(id: Int64, point: Coordinate, category: String, categoryName: String?, platform: String, platformName: String?,
                status: String, supervisionLevel: Int, source: String, reportedAt: Instant, deadlineAt: Instant?, closedAt: Instant?,
                gridCode: String?, villageCode: String?, townCode: String?, description: String) {
        self.id = id
        self.point = point
        self.category = category
        self.categoryName = categoryName
        self.platform = platform
        self.platformName = platformName
        self.status = status
        self.supervisionLevel = supervisionLevel
        self.source = source
        self.reportedAt = reportedAt
        self.deadlineAt = deadlineAt
        self.closedAt = closedAt
        self.gridCode = gridCode
        self.villageCode = villageCode
        self.townCode = townCode
        self.description = description
    }
}
