import Foundation

/// One day of a town's command-room duty roster (值班领导, one town leader a day).
public struct DutyDay: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`, Beijing time.
    public var date: String
    public var name: String
    public var phone: String

    public init(date: String, name: String, phone: String) {
        self.date = date
        self.name = name
        self.phone = phone
    }

    /// The Beijing (UTC+8) calendar date, `YYYY-MM-DD`, of an instant.
    public static func beijingDate(of instant: Instant) -> String {
        String(instant.adding(hours: 8).iso.prefix(10))
    }
}

/// `duty.csv`: header `date,name,phone`, one row a day.
enum DutyCSV {
    static func read(_ text: String, problems: inout [String]) -> [DutyDay] {
        let rows = CSV.rows(text)
        guard rows.first.map({ Array($0.prefix(3)) }) == ["date", "name", "phone"] else {
            problems.append("duty.csv: header must be date,name,phone")
            return []
        }
        var days: [DutyDay] = [], seen = Set<String>()
        for (offset, row) in rows.enumerated().dropFirst() where !(row.count == 1 && row[0].isEmpty) {
            let line = offset + 1
            guard row.count >= 3, !row[1].isEmpty, Timestamp.parseMilliseconds(row[0]) != nil, row[0].count == 10 else {
                problems.append("duty.csv line \(line): expected a YYYY-MM-DD date, a name and a phone")
                continue
            }
            guard seen.insert(row[0]).inserted else {
                problems.append("duty.csv line \(line): \(row[0]) appears more than once")
                continue
            }
            days.append(DutyDay(date: row[0], name: row[1], phone: row[2]))
        }
        return days
    }
}
