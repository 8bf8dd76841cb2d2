import Foundation

/// One sheet of a spreadsheet export: a header row in Chinese and rows of typed cells, written
/// as CSV (``csv``) or into an .xlsx workbook (GridMapSheets). Times are shown in Beijing time.
public struct SheetTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// A number and the decimals to show.
        case number(Double, decimals: Int)
        /// A time, shown as a Beijing date and time (a real date cell in a workbook).
        case time(Instant)
        /// No value (a rate without a basis).
        case empty
    }

    /// The sheet's name (at most 31 characters, none of `[]:*?/\`).
    public var name: String
    public var headers: [String]
    public var rows: [[Cell]]

    public init(name: String, headers: [String], rows: [[Cell]]) {
        self.name = name
        self.headers = headers
        self.rows = rows
    }

    /// CSV with a UTF-8 byte order mark, for Excel and WPS.
    public var csv: [UInt8] {
        var out = CSVField.byteOrderMark
        CSVField.appendRow(headers, to: &out)
        for row in rows { CSVField.appendRow(row.map(\.text), to: &out) }
        return out
    }
}

extension SheetTable.Cell {
    /// As a CSV field: numbers with their decimals, times as `2025-11-03 14:05:00` Beijing, nothing for no value.
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let value, let decimals): String(format: "%.\(decimals)f", value)
        case .time(let instant): instant.beijingSecond
        case .empty: ""
        }
    }
}
