/// What cleaning did to a set of fixes; reports add up over members and days.
public struct CleaningReport: Sendable, Hashable, Codable {
    public var received = 0
    public var kept = 0
    /// Dropped: accuracy worse than the limit.
    public var droppedAccuracy = 0
    /// Dropped: the same member and time as an earlier fix.
    public var droppedDuplicate = 0
    /// Dropped: a lone spike, too fast to reach and to leave.
    public var droppedSpeed = 0
    /// Track splits at a jump (too fast to reach, then consistent: a ride, not a walk).
    public var speedSplits = 0
    /// Track splits at a gap longer than the limit.
    public var gapSplits = 0
    public var segments = 0
    public var stops = 0

    public init() {}

    public static func + (a: Self, b: Self) -> Self {
        var sum = a
        sum.received += b.received; sum.kept += b.kept
        sum.droppedAccuracy += b.droppedAccuracy; sum.droppedDuplicate += b.droppedDuplicate
        sum.droppedSpeed += b.droppedSpeed; sum.speedSplits += b.speedSplits; sum.gapSplits += b.gapSplits
        sum.segments += b.segments; sum.stops += b.stops
        return sum
    }
}
