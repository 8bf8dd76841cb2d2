import Foundation

/// The fixed offset from UTC in which times written without a zone are read (`2025-01-01 08:19`,
/// `2025/1/1 8:19` as Excel shows them, and plain dates in queries). The default is Beijing time
/// (Asia/Shanghai, UTC+8, without daylight saving since 1991).
public struct UTCOffset: Sendable, Equatable, CustomStringConvertible {
    /// Milliseconds east of UTC.
    public let milliseconds: Int64

    public static let utc = UTCOffset(minutes: 0)
    /// Asia/Shanghai: the zone of every town GridMap serves.
    public static let beijing = UTCOffset(minutes: 480)

    public init(minutes: Int) { milliseconds = Int64(minutes) * 60_000 }

    /// `±HH:MM` (or `±HHMM`, `Z`), or an IANA zone name whose offset is fixed (`Asia/Shanghai`,
    /// `UTC`); nil for anything else, a zone with daylight saving included: its times are
    /// ambiguous once a year, so the offset must be spelled out.
    public init?(_ text: String) {
        if text == "Z" || text == "z" { self = .utc; return }
        if let sign = text.first, sign == "+" || sign == "-" {
            let digits = text.dropFirst().filter { $0 != ":" }
            guard digits.count == 4, digits.allSatisfy(\.isASCII), let hours = Int(digits.prefix(2)),
                  let minutes = Int(digits.suffix(2)), hours < 24, minutes < 60,
                  text.dropFirst().count == (text.contains(":") ? 5 : 4) else { return nil }
            self.init(minutes: (sign == "-" ? -1 : 1) * (hours * 60 + minutes))
            return
        }
        guard let zone = TimeZone(identifier: text), zone.nextDaylightSavingTimeTransition == nil else { return nil }
        self.init(minutes: zone.secondsFromGMT() / 60)
    }

    /// `+08:00`.
    public var description: String {
        let minutes = abs(milliseconds / 60_000)
        let hh = minutes / 60 < 10 ? "0\(minutes / 60)" : "\(minutes / 60)"
        let mm = minutes % 60 < 10 ? "0\(minutes % 60)" : "\(minutes % 60)"
        return (milliseconds < 0 ? "-" : "+") + hh + ":" + mm
    }
}
