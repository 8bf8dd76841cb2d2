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
}
