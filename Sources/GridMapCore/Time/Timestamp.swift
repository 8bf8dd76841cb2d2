import Foundation

/// Timestamps are stored as ISO 8601 UTC text with milliseconds (`2024-01-01T00:00:00.000Z`), one
/// spelling so that text order is time order. Parsing and formatting are done by hand: bulk
/// imports handle millions of them, and a Foundation formatter costs tens of microseconds each.
public enum Timestamp {
    /// The stored spelling of milliseconds since 1970.
    public static func format(milliseconds: Int64) -> String {
        let (days, msOfDay) = milliseconds.floorDivided(by: 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        let seconds = msOfDay / 1000
        return String(unsafeUninitializedCapacity: 32) { buffer in
            var at = 0
            func put(_ value: Int64, width: Int) {
                var digits = 1, rest = value / 10
                while rest > 0 { digits += 1; rest /= 10 }
                var remaining = value
                for position in stride(from: at + max(width, digits) - 1, through: at, by: -1) {
                    buffer[position] = UInt8(48 + remaining % 10)
                    remaining /= 10
                }
                at += max(width, digits)
            }
            func put(_ character: Unicode.Scalar) {
                buffer[at] = UInt8(ascii: character)
                at += 1
            }
            if year < 0 { put("-") }
            put(abs(year), width: 4); put("-"); put(month, width: 2); put("-"); put(day, width: 2)
            put("T"); put(seconds / 3600, width: 2); put(":"); put(seconds / 60 % 60, width: 2); put(":")
            put(seconds % 60, width: 2); put("."); put(msOfDay % 1000, width: 3); put("Z")
            return at
        }
    }

    /// Milliseconds since 1970 of `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS[.fff…]]` with `Z`, a
    /// `±HH:MM` offset or no zone; `/` may separate the date's parts, and then month, day and hour
    /// may have one digit (`2025/1/1 8:19`, as Excel shows times). A time without a zone is read
    /// at `zone`, and nil without one; a plain date is midnight at `zone` (UTC without one).
    public static func parseMilliseconds(_ text: String, zone: UTCOffset? = nil) -> Int64? {
        var text = text
        return text.withUTF8 { parseMilliseconds(utf8: $0, zone: zone) }
    }

    /// True for a plain date (`2025-01-01`, `2025/1/1`): a day rather than an instant.
    public static func isPlainDate(_ text: String) -> Bool {
        parseMilliseconds(text) != nil && !text.utf8.contains(where: { $0 == UInt8(ascii: ":") })
    }

    /// `parseMilliseconds(_:zone:)` on UTF-8 bytes, for readers that parse millions of timestamps
    /// without making a string of each.
    public static func parseMilliseconds(utf8 bytes: UnsafeBufferPointer<UInt8>, zone: UTCOffset? = nil) -> Int64? {
        var scanner = Scanner(bytes)
        guard let year = scanner.digits(4) else { return nil }
        let separator: Unicode.Scalar = scanner.skip("-") ? "-" : scanner.skip("/") ? "/" : "?"
        // `-` dates are ISO 8601 (two digits each); `/` dates are as Excel shows them.
        let width = separator == "/" ? 1...2 : 2...2
        guard separator != "?", let month = scanner.digits(width), scanner.skip(separator),
              let day = scanner.digits(width), (1...12).contains(month), (1...daysIn(month, of: year)).contains(day)
        else { return nil }
        let midnight = days(fromCivil: year, month, day) * 86_400_000
        if scanner.atEnd { return midnight - (zone?.milliseconds ?? 0) }
        guard scanner.skip("T") || scanner.skip(" "), let hour = scanner.digits(width), hour < 24, scanner.skip(":"),
              let minute = scanner.digits(2), minute < 60 else { return nil }
        var ms = (hour * 3600 + minute * 60) * 1000
        if scanner.skip(":") {
            guard let second = scanner.digits(2), second < 60 else { return nil }
            ms += second * 1000
            if scanner.skip(".") || scanner.skip(",") {
                guard let fraction = scanner.fraction() else { return nil }
                ms += fraction
            }
        }
        if scanner.atEnd { return zone.map { midnight + ms - $0.milliseconds } }
        if scanner.skip("Z") || scanner.skip("z") {
            return scanner.atEnd ? midnight + ms : nil
        }
        let sign: Int64 = scanner.skip("+") ? 1 : scanner.skip("-") ? -1 : 0
        guard sign != 0, let offsetHours = scanner.digits(2), offsetHours < 24 else { return nil }
        _ = scanner.skip(":")
        guard let offsetMinutes = scanner.digits(2), offsetMinutes < 60, scanner.atEnd else { return nil }
        return midnight + ms - sign * (offsetHours * 60 + offsetMinutes) * 60_000
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { at == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard at < bytes.count, bytes[at] == UInt8(ascii: character) else { return false }
            at += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int64? {
            guard at + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[at..<(at + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            at += count
            return value
        }

        /// As many digits as there are, within `width`.
        mutating func digits(_ width: ClosedRange<Int>) -> Int64? {
            var value: Int64 = 0, read = 0
            while read < width.upperBound, at < bytes.count, bytes[at] >= 48 && bytes[at] <= 57 {
                value = value * 10 + Int64(bytes[at] - 48)
                read += 1
                at += 1
            }
            return read >= width.lowerBound ? value : nil
        }

        /// Digits after the decimal point, as milliseconds (truncated).
        mutating func fraction() -> Int64? {
            var value: Int64 = 0, count = 0
            while at < bytes.count, bytes[at] >= 48 && bytes[at] <= 57 {
                if count < 3 { value = value * 10 + Int64(bytes[at] - 48) }
                count += 1
                at += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, 3) { value *= 10 }
            return value
        }
    }

    private static func daysIn(_ month: Int64, of year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// Quotient rounded toward minus infinity, and the non-negative remainder.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let q = self / divisor, r = self % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}
