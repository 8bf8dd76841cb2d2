import GridMapGeometry

/// A cleaned fix: WGS84 position and time.
public struct TrackPoint: Sendable, Hashable {
    public var milliseconds: Int64
    public var coordinate: Coordinate

    public init(milliseconds: Int64, coordinate: Coordinate) {
        self.milliseconds = milliseconds
        self.coordinate = coordinate
    }
}

/// A stretch of a member's patrol without a gap or a jump: consecutive cleaned fixes (at least one).
public struct PatrolSegment: Sendable, Hashable {
    public var member: String
    public var points: [TrackPoint]

    public init(member: String, points: [TrackPoint]) {
        self.member = member
        self.points = points
    }

    public var start: Int64 { points.first?.milliseconds ?? 0 }
    public var end: Int64 { points.last?.milliseconds ?? 0 }
}

/// A stop (dwell): the member stayed within the dwell radius for at least the minimum time.
public struct PatrolStop: Sendable, Hashable {
    public var member: String
    public var start: Int64
    public var end: Int64
    /// Mean position of the stop's fixes (WGS84).
    public var centre: Coordinate

    public init(member: String, start: Int64, end: Int64, centre: Coordinate) {
        self.member = member
        self.start = start
        self.end = end
        self.centre = centre
    }

    public var seconds: Double { Double(end - start) / 1000 }
}

/// One member's cleaned patrol of one day.
public struct CleanedPatrol: Sendable {
    public var member: String
    public var day: PatrolDay
    public var segments: [PatrolSegment]
    public var stops: [PatrolStop]
    public var report: CleaningReport

    public init(member: String, day: PatrolDay, segments: [PatrolSegment], stops: [PatrolStop], report: CleaningReport) {
        self.member = member
        self.day = day
        self.segments = segments
        self.stops = stops
        self.report = report
    }
}
