/// A patrol day: a calendar day in Beijing time (UTC+8, no daylight saving), the unit in which
/// tracks are cleaned and coverage is computed and stored. A track that runs past midnight is
/// split there.
public struct PatrolDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (Beijing).
    public let number: Int64

    static let offset: Int64 = 8 * 3_600_000
    static let length: Int64 = 86_400_000

    public init(number: Int64) { self.number = number }

    /// The day a UTC instant falls on in Beijing.
    public init(milliseconds: Int64) {
        number = (milliseconds + Self.offset).floorDivided(by: Self.length).quotient
    }

    /// Parses a plain date (`YYYY-MM-DD`, or `YYYY/M/D` as Excel shows it).
    public init?(_ text: String) {
        guard Timestamp.isPlainDate(text), let utcMidnight = Timestamp.parseMilliseconds(text) else { return nil }
        number = utcMidnight / Self.length
    }

    /// First millisecond of the day (00:00 Beijing) in UTC milliseconds.
    public var start: Int64 { number * Self.length - Self.offset }
    /// First millisecond of the next day.
    public var end: Int64 { start + Self.length }
    public var next: PatrolDay { PatrolDay(number: number + 1) }

    /// `YYYY-MM-DD`.
    public var description: String { String(Timestamp.format(milliseconds: number * Self.length).prefix(10)) }

    /// Monday-based week number since 1970 (1970-01-01 was a Thursday).
    public var week: Int64 { (number + 3).floorDivided(by: 7).quotient }

    /// Months since 1970-01.
    public var month: Int64 {
        let (year, month, _) = Timestamp.civil(fromDays: number)
        return (year - 1970) * 12 + month - 1
    }

    /// The days from `from` up to `to` (exclusive): a plain date (`YYYY-MM-DD`) names a Beijing
    /// day, a time (ISO 8601) an instant, and every day overlapping [from, to) is included. Nil
    /// when either does not parse or the range is empty.
    public static func range(from: String, to: String) -> ClosedRange<PatrolDay>? {
        guard let start = instant(from), let end = instant(to) else { return nil }
        let days = days(from: start, to: end)
        guard let first = days.first, let last = days.last else { return nil }
        return first...last
    }

    /// A report's period: the days of ``range(from:to:)``, by default the 7 days up to the day of
    /// `now`; nil when either does not parse, the range is empty or longer than 366 days.
    public static func period(from: String?, to: String?, now: Instant) -> ClosedRange<PatrolDay>? {
        let today = PatrolDay(milliseconds: now.milliseconds)
        let to = to ?? today.next.description
        let from = from ?? PatrolDay(number: (PatrolDay(to) ?? today.next).number - 7).description
        guard let days = range(from: from, to: to), days.upperBound.number - days.lowerBound.number < 366 else { return nil }
        return days
    }

    /// A plain date's Beijing midnight, or a time's instant (UTC ms; Beijing time without a zone).
    static func instant(_ text: String) -> Int64? { Timestamp.parseMilliseconds(text, zone: .beijing) }

    /// The days that overlap the UTC interval [from, to).
    public static func days(from: Int64, to: Int64) -> [PatrolDay] {
        guard to > from else { return [] }
        let first = PatrolDay(milliseconds: from), last = PatrolDay(milliseconds: to - 1)
        return (first.number...last.number).map(PatrolDay.init(number:))
    }

    public static func < (a: Self, b: Self) -> Bool { a.number < b.number }
}
