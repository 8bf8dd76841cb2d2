/// The period an assessment covers: a year (`2025`), a quarter (`2025-Q4`) or a month (`2025-11`),
/// of Beijing days.
public struct AssessmentPeriod: Sendable, Hashable, CustomStringConvertible {
    /// As written: `2025`, `2025-Q4`, `2025-11`.
    public let description: String
    public let days: ClosedRange<PatrolDay>

    /// Nil for anything but a year from 2000 to 2099, a quarter or a month of one.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText), (2000...2099).contains(year) else { return nil }
        let months: ClosedRange<Int>
        switch parts.count {
        case 1: months = 1...12
        case 2 where parts[1].count == 2 && parts[1].first == "Q":
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            months = (quarter * 3 - 2)...(quarter * 3)
        case 2 where parts[1].count == 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            months = month...month
        default: return nil
        }
        guard let first = PatrolDay(Self.date(year, months.lowerBound)),
              let next = PatrolDay(months.upperBound == 12 ? Self.date(year + 1, 1) : Self.date(year, months.upperBound + 1)) else { return nil }
        description = text
        days = first...PatrolDay(number: next.number - 1)
    }

    /// First instant (00:00 Beijing of the first day).
    public var from: Instant { Instant(milliseconds: days.lowerBound.start) }
    /// End, exclusive (00:00 Beijing after the last day).
    public var to: Instant { Instant(milliseconds: days.upperBound.end) }

    /// The period as screens name it: 2025年, 2025年第4季度, 2025年11月.
    public var name: String {
        let parts = description.split(separator: "-")
        switch parts.count {
        case 1: return "\(parts[0])年"
        default:
            if parts[1].first == "Q" { return "\(parts[0])年第\(parts[1].dropFirst())季度" }
            return "\(parts[0])年\(Int(parts[1]) ?? 0)月"
        }
    }

    private static func date(_ year: Int, _ month: Int) -> String { "\(year)-" + (month < 10 ? "0\(month)" : "\(month)") + "-01" }
}
