import Foundation

/// Timestamps are stored as ISO 8601 UTC text with milliseconds (`2024-01-01T00:00:00.000Z`), one
/// spelling so that text order is time order.
public enum Timestamp {
    public static func now() -> String { format(Date()) }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Parses ISO 8601 with or without fractional seconds, or a plain date (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds],
                                                      [.withInternetDateTime], [.withFullDate]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// The stored spelling of a user-given timestamp, or nil when it is not ISO 8601.
    public static func normalize(_ text: String) -> String? { parse(text).map(format) }

    /// Seconds since 1970 of a stored timestamp (`2024-01-01T00:00:00.000Z`), parsed by position
    /// without a formatter: statistics read a million of them.
    public static func epochSeconds(_ text: String) -> Int64? {
        var utf8 = text.utf8.makeIterator()
        var digits: [Int64] = []
        digits.reserveCapacity(17)
        while let byte = utf8.next(), digits.count < 14 {
            if byte >= 48 && byte <= 57 { digits.append(Int64(byte - 48)) }
        }
        guard digits.count == 14 else { return nil }
        func number(_ range: Range<Int>) -> Int64 { digits[range].reduce(0) { $0 * 10 + $1 } }
        let year = number(0..<4), month = number(4..<6), day = number(6..<8)
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + number(8..<10) * 3600 + number(10..<12) * 60 + number(12..<14)
    }
}
