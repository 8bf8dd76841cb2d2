/// A time interval in which a grid had a patrolling member inside (UTC milliseconds; a single fix
/// gives `start == end`).
public struct Visit: Sendable, Hashable, Comparable {
    public var start: Int64
    public var end: Int64

    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    public static func < (a: Self, b: Self) -> Bool { (a.start, a.end) < (b.start, b.end) }

    /// Intervals of any members, merged when they overlap or the time between them is at most
    /// `gap`: a visit ends only after `gap` without anyone inside.
    public static func merged(_ intervals: [Visit], gap: Int64) -> [Visit] {
        var merged: [Visit] = []
        for interval in intervals.sorted() {
            if let last = merged.last, interval.start - last.end <= gap {
                merged[merged.count - 1].end = max(last.end, interval.end)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }

    /// The days the interval touches.
    public var days: ClosedRange<Int64> { PatrolDay(milliseconds: start).number...PatrolDay(milliseconds: end).number }
}
