import GridMapGeometry

/// How one grid was patrolled on one day: the stored unit of coverage, so that a period's
/// figures are assembled from days and a new day of tracks leaves earlier days alone.
public struct GridDayCoverage: Sendable, Hashable {
    public var grid: String
    public var day: PatrolDay
    /// The covered part of the grid, in metres of `zone` (union of the buffered tracks ∩ grid).
    public var covered: MultiPolygon
    public var zone: GaussKrugerZone
    public var coveredArea: Double
    /// Metres of track inside the grid.
    public var length: Double
    /// Time spent in stops whose centre lies in the grid, and their number.
    public var dwellSeconds: Double
    public var stops: Int
    /// Intervals with a member inside, overlapping ones merged across members; the visit gap is
    /// applied when a period is assembled (``PeriodCoverage``), so stored days serve any gap.
    public var visits: [Visit]
    /// Members with a fix inside the grid, sorted.
    public var members: [String]

    public init(grid: String, day: PatrolDay, covered: MultiPolygon, zone: GaussKrugerZone, coveredArea: Double,
                length: Double, dwellSeconds: Double, stops: Int, visits: [Visit], members: [String]) {
        self.grid = grid
        self.day = day
        self.covered = covered
        self.zone = zone
        self.coveredArea = coveredArea
        self.length = length
        self.dwellSeconds = dwellSeconds
        self.stops = stops
        self.visits = visits
        self.members = members
    }
}

/// The parameters of coverage.
public struct CoverageOptions: Sendable, Hashable {
    /// The radii a request may ask for, metres. The floor, 10 m, is the horizontal accuracy of a
    /// phone's GPS fix in the open (5–10 m): a smaller buffer describes the noise of the fixes,
    /// not where the member was, while its raster grows as 1/r² (cells of r/15 keep the
    /// documented ~0.1 % area error; 1 m over a sample grid would need 1.5 billion cells).
    public static let radiusRange: ClosedRange<Double> = 10...500

    /// Buffer radius around tracks, metres (round joins and caps, 8 segments a quarter circle).
    public var radius = 30.0
    /// A visit ends after this long without a member inside (milliseconds); applied when
    /// periods are assembled.
    public var visitGap: Int64 = 10 * 60_000

    public init(radius: Double = 30, visitGap: Int64 = 10 * 60_000) {
        self.radius = radius
        self.visitGap = visitGap
    }
}
