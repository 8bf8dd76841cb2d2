import GridMapGeometry

/// One event's facts, as the store reads them for ``EventFactsTable``.
public struct EventFact: Sendable {
    public var id: Int64
    public var reported: Instant
    public var closed: Instant?
    public var deadline: Instant?
    public var status: EventStatus
    /// Grid, village, town, platform and category codes.
    public var keys: [StatsDimension: String?]
    /// Longitude/latitude (WGS84).
    public var point: Coordinate
    /// The point in metres in its Gauss-Krüger `zone`.
    public var planar: Coordinate
    public var zone: GaussKrugerZone

    public init(id: Int64, reported: Instant, closed: Instant?, deadline: Instant?, status: EventStatus,
                keys: [StatsDimension: String?], point: Coordinate, planar: Coordinate, zone: GaussKrugerZone) {
        self.id = id
        self.reported = reported
        self.closed = closed
        self.deadline = deadline
        self.status = status
        self.keys = keys
        self.point = point
        self.planar = planar
        self.zone = zone
    }
}

/// The facts statistics and density maps need about every event, in columns, for in-memory
/// aggregation (a county-year of a million events aggregates in milliseconds). Built from the
/// store, which stays the record; tests check the figures against SQL.
public struct EventFactsTable: Sendable {
    /// Event ids, ascending, and the facts of each at the same position.
    public private(set) var ids: [Int64] = []
    /// Report, resolution (-1 open) and deadline (-1 none), in ``Instant/milliseconds``: plain
    /// integers, so a scan over a million events compares machine words.
    public private(set) var reported: [Int64] = []
    public private(set) var closed: [Int64] = []
    public private(set) var deadline: [Int64] = []
    public private(set) var status: [EventStatus] = []
    /// Longitude/latitude, and metres in the Gauss-Krüger zone of each event.
    public private(set) var points: [Coordinate] = []
    public private(set) var planar: [Coordinate] = []
    public private(set) var zones: [GaussKrugerZone] = []
    /// Per dimension: each event's key position (-1 none), and the keys.
    public private(set) var keyIndex: [StatsDimension: [Int32]] = [:]
    public private(set) var keys: [StatsDimension: [String]] = [:]
    private var positions: [StatsDimension: [String: Int32]] = [:]
    /// The store's change mark the table reflects (see `SpatiaLiteStore.refresh`).
    public var mark: Int64 = 0

    public init() {}

    public var count: Int { ids.count }

    /// Adds an event newer than every one in the table, or updates one already in it.
    public mutating func set(_ fact: EventFact) {
        let row: Int
        if let last = ids.last, fact.id <= last {
            guard let found = Self.search(ids, fact.id) else { return }
            row = found
        } else {
            row = ids.count
            ids.append(fact.id)
            reported.append(0)
            closed.append(0)
            deadline.append(0)
            status.append(.received)
            points.append(fact.point)
            planar.append(fact.planar)
            zones.append(fact.zone)
            for dimension in StatsDimension.allCases { keyIndex[dimension, default: []].append(-1) }
        }
        reported[row] = fact.reported.milliseconds
        closed[row] = fact.closed?.milliseconds ?? -1
        deadline[row] = fact.deadline?.milliseconds ?? -1
        status[row] = fact.status
        points[row] = fact.point
        planar[row] = fact.planar
        zones[row] = fact.zone
        for dimension in StatsDimension.allCases {
            keyIndex[dimension]![row] = (fact.keys[dimension] ?? nil).map { position(of: $0, in: dimension) } ?? -1
        }
    }

    /// The key of `dimension` of the event at `row`, if it has one.
    public func key(_ dimension: StatsDimension, at row: Int) -> String? {
        guard let position = keyIndex[dimension]?[row], position >= 0 else { return nil }
        return keys[dimension]?[Int(position)]
    }

    /// The position of `key` among the keys of `dimension`, if any event has it.
    public func position(of key: String, in dimension: StatsDimension) -> Int32? { positions[dimension]?[key] }

    private mutating func position(of key: String, in dimension: StatsDimension) -> Int32 {
        if let known = positions[dimension]?[key] { return known }
        let position = Int32(keys[dimension, default: []].count)
        keys[dimension, default: []].append(key)
        positions[dimension, default: [:]][key] = position
        return position
    }

    private static func search(_ ids: [Int64], _ id: Int64) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }
}
