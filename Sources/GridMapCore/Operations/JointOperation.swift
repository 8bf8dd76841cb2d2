import GridMapGeometry

/// 联合执法 / 协同执法: a joint enforcement action of several offices over an area and a period,
/// with the events it followed up and what came of it. Its area is kept as given (a polygon, or
/// the union of the grids or villages named) together with the grids it covers.
public struct JointOperation: Sendable, Equatable {
    public var id: Int64
    public var title: String
    /// The town of its grids (nil when they lie in several).
    public var town: String?
    public var offices: [String]
    /// How the area was given: `polygon`, `grids` or `villages`.
    public var areaKind: OperationArea.Kind
    /// The villages named, for an area given as villages.
    public var villages: [String]
    /// The grids the area covers (those it intersects), by code.
    public var grids: [String]
    public var area: MultiPolygon
    public var start: Instant
    public var end: Instant
    public var events: [Int64]
    public var outcome: String?
    public var notes: String?
    public var recordedBy: String
    public var recordedAt: Instant

    public init(id: Int64 = 0, title: String, town: String?, offices: [String], areaKind: OperationArea.Kind, villages: [String],
                grids: [String], area: MultiPolygon, start: Instant, end: Instant, events: [Int64], outcome: String?, notes: String?,
                recordedBy: String, recordedAt: Instant) {
        self.id = id
        self.title = title
        self.town = town
        self.offices = offices
        self.areaKind = areaKind
        self.villages = villages
        self.grids = grids
        self.area = area
        self.start = start
        self.end = end
        self.events = events
        self.outcome = outcome
        self.notes = notes
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Filters for listing operations; nil fields do not filter.
public struct OperationQuery: Sendable {
    /// Operations whose period overlaps [from, to) (one ending at `from` does not).
    public var from: Instant?
    public var to: Instant?
    public var office: String?
    public var grid: String?
    public var town: String?
    public var limit = 500

    public init() {}
}
