import CXlsxWriter
import Foundation
import GridMapCore

/// Writes ``SheetTable``s into an .xlsx workbook with libxlsxwriter: each sheet's header row bold,
/// shaded and frozen above its rows, numbers as numbers with their decimals, times as real date
/// cells in Beijing time, columns as wide as their content.
public enum XLSXWorkbook {
    /// The media type of an .xlsx file.
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The workbook's bytes (written through a temporary file: Debian's libxlsxwriter 1.1.4 has no
    /// in-memory output).
    public static func data(_ sheets: [SheetTable]) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try write(sheets, to: file.path)
        return try Data(contentsOf: file)
    }

    /// Writes the workbook to `path`.
    public static func write(_ sheets: [SheetTable], to path: String) throws {
        guard let workbook = workbook_new(path) else { throw XLSXError(message: "cannot create \(path)") }
        var formats = Formats(workbook)
        var failure: String?
        for (index, sheet) in sheets.enumerated() {
            guard let worksheet = workbook_add_worksheet(workbook, sheetName(sheet.name, index: index)) else {
                failure = "cannot add the sheet '\(sheet.name)'"
                break
            }
            write(sheet, into: worksheet, formats: &formats)
        }
        let closed = workbook_close(workbook)
        if let failure { throw XLSXError(message: failure) }
        guard closed == LXW_NO_ERROR else { throw XLSXError(message: String(cString: lxw_strerror(closed))) }
    }

    private static func write(_ sheet: SheetTable, into worksheet: UnsafeMutablePointer<lxw_worksheet>, formats: inout Formats) {
        var widths = sheet.headers.map(displayWidth)
        for (column, header) in sheet.headers.enumerated() {
            worksheet_write_string(worksheet, 0, lxw_col_t(column), header, formats.header)
        }
        for (offset, row) in sheet.rows.enumerated() {
            let line = lxw_row_t(offset + 1)
            for (column, cell) in row.enumerated() {
                let at = lxw_col_t(column)
                switch cell {
                case .text(let text): worksheet_write_string(worksheet, line, at, text, nil)
                case .number(let value, let decimals): worksheet_write_number(worksheet, line, at, value, formats.number(decimals))
                case .time(let instant): worksheet_write_number(worksheet, line, at, excelSerial(instant), formats.time)
                case .empty: break
                }
                if column < widths.count { widths[column] = max(widths[column], displayWidth(cell.text)) }
            }
        }
        for (column, width) in widths.enumerated() {
            worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), Double(min(max(width + 2, 8), 60)), nil)
        }
        worksheet_freeze_panes(worksheet, 1, 0)
    }

    /// Days since 1899-12-30 of the Beijing wall-clock time: what Excel stores for a date.
    static func excelSerial(_ instant: Instant) -> Double {
        Double(instant.milliseconds + 8 * 3_600_000) / 86_400_000 + 25_569
    }

    /// A name Excel takes: none of `[]:*?/\`, at most 31 characters, never empty.
    static func sheetName(_ name: String, index: Int) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet\(index + 1)" : cleaned
    }

    /// Columns in Excel's units: a CJK character takes two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    /// The workbook's cell formats, made once each.
    private struct Formats {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        let header: UnsafeMutablePointer<lxw_format>
        let time: UnsafeMutablePointer<lxw_format>
        private var numbers: [Int: UnsafeMutablePointer<lxw_format>] = [:]

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            self.workbook = workbook
            header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_bg_color(header, 0xDDEBF7)
            time = workbook_add_format(workbook)
            format_set_num_format(time, "yyyy-mm-dd hh:mm:ss")
        }

        mutating func number(_ decimals: Int) -> UnsafeMutablePointer<lxw_format> {
            if let format = numbers[decimals] { return format }
            let format = workbook_add_format(workbook)!
            format_set_num_format(format, decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0")
            numbers[decimals] = format
            return format
        }
    }
}

/// libxlsxwriter refused to write the workbook.
public struct XLSXError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "the workbook could not be written: \(message)" }
}
