import GridMapCore
import GridMapSheets
import Hummingbird
import NIOCore

/// `format=` of an answer that is JSON or a spreadsheet.
enum AnswerFormat: String, CaseIterable { case json, csv, xlsx }

/// `format=` of a list that is GeoJSON or a spreadsheet.
enum ListFormat: String, CaseIterable { case geojson, csv, xlsx }

extension Response {
    /// A file to download: `bytes` of media `type`, saved as `file`.
    static func attachment(_ bytes: [UInt8], file: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(file)\""],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `sheets` to download as `name.xlsx` (every sheet) or `name.csv` (the first, with a BOM).
    static func spreadsheet(_ sheets: [SheetTable], xlsx: Bool, name: String) throws -> Response {
        if xlsx { return .attachment(Array(try XLSXWorkbook.data(sheets)), file: "\(name).xlsx", type: XLSXWorkbook.mediaType) }
        return .attachment(sheets.first?.csv ?? CSVField.byteOrderMark, file: "\(name).csv", type: "text/csv; charset=utf-8")
    }
}
