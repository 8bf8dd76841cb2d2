import Foundation

/// A moment, in milliseconds since 1970 UTC: what every layer passes for "when" — the current
/// time, an `as_of`, the ends of a period. Text appears only at the edges: parsed from what a user
/// wrote (``init(parsing:zone:)``) and written in the one stored spelling (``iso``, see ``Timestamp``).
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// The millisecond nearest to `date` (rounding down would turn a whole millisecond that seconds
    /// as a double cannot hold exactly, 1.001 s → 1000.9999… ms, into the one before).
    public init(_ date: Date) { milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The time an instant is read: the system clock, to the millisecond.
    public static func now() -> Instant { Instant(Date()) }

    /// An instant in one of the spellings ``Timestamp/parseMilliseconds(_:zone:)`` reads (a time
    /// without a zone is at `zone`; a plain date is its midnight there), or nil.
    public init?(parsing text: String, zone: UTCOffset? = nil) {
        guard let milliseconds = Timestamp.parseMilliseconds(text, zone: zone) else { return nil }
        self.milliseconds = milliseconds
    }

    /// The stored spelling, `2024-01-01T00:00:00.000Z`: text order is time order.
    public var iso: String { Timestamp.format(milliseconds: milliseconds) }

    public var description: String { iso }

    /// The Beijing time to the minute, `2024-01-01 08:00`: how history notes name a time.
    public var beijingMinute: String {
        let text = adding(hours: 8).iso
        return "\(text.prefix(10)) \(text.dropFirst(11).prefix(5))"
    }

    /// The Beijing time to the second, `2024-01-01 08:00:00`: how spreadsheets show a time.
    public var beijingSecond: String {
        let text = adding(hours: 8).iso
        return "\(text.prefix(10)) \(text.dropFirst(11).prefix(8))"
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000) }

    /// This instant moved by `hours` (negative: earlier).
    public func adding(hours: Int64) -> Instant { Instant(milliseconds: milliseconds + hours * 3_600_000) }

    /// This instant moved by `milliseconds`.
    public func adding(milliseconds delta: Int64) -> Instant { Instant(milliseconds: milliseconds + delta) }

    /// This instant moved by `duration`, to the millisecond.
    public func adding(_ duration: Duration) -> Instant { adding(milliseconds: duration.wholeMilliseconds) }

    public static func < (a: Instant, b: Instant) -> Bool { a.milliseconds < b.milliseconds }
}

extension Duration {
    /// The duration in whole milliseconds (truncated).
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
