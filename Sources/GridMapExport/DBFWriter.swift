import Foundation

/// A dBASE III table (a Shapefile's `.dbf`): fixed-width records, text as UTF-8 cut at a
/// character boundary to the field's width, numbers right-aligned, nulls blank.
final class DBFWriter {
    private let fields: [ExportField]
    private let file: BinaryFile
    private var records: UInt32 = 0

    /// Bytes written so far.
    var length: Int { file.length }

    init(path: String, fields: [ExportField]) throws {
        self.fields = fields
        file = try BinaryFile(creating: path)
        try file.append { $0.zeros(32 + 32 * fields.count + 1) }
    }

    func append(_ values: [ExportValue]) throws {
        records += 1
        try file.append { b in
            b.byte(0x20)
            for (field, value) in zip(fields, values) { Self.cell(value, field, into: &b) }
        }
    }

    func finish() throws {
        try file.append { $0.byte(0x1A) }
        try file.close(header: header())
    }

    private func header() -> Data {
        var b = BinaryBuffer()
        let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
        b.byte(0x03)
        b.bytes([UInt8(today.year! - 1900), UInt8(today.month!), UInt8(today.day!)])
        b.littleEndian(records)
        b.littleEndian(UInt16(32 + 32 * fields.count + 1))
        b.littleEndian(UInt16(1 + fields.reduce(0) { $0 + Self.width($1) }))
        b.zeros(20)
        for field in fields {
            b.bytes(field.name.utf8)
            b.zeros(11 - field.name.utf8.count)
            b.byte(Self.typeCode(field))
            b.zeros(4)
            b.byte(UInt8(Self.width(field)))
            if case .real(let decimals) = field.kind { b.byte(UInt8(decimals)) } else { b.byte(0) }
            b.zeros(14)
        }
        b.byte(0x0D)
        return b.data
    }

    private static func typeCode(_ field: ExportField) -> UInt8 {
        if case .text = field.kind { UInt8(ascii: "C") } else { UInt8(ascii: "N") }
    }

    private static func width(_ field: ExportField) -> Int {
        switch field.kind {
        case .text(let width): width
        case .integer: 18
        case .real: 24
        }
    }

    private static func cell(_ value: ExportValue, _ field: ExportField, into b: inout BinaryBuffer) {
        let width = width(field)
        let bytes: [UInt8]
        switch (value, field.kind) {
        case (.text(let text), _): bytes = prefix(text, bytes: width)
        case (.integer(let number), _): bytes = Array(String(number).utf8)
        case (.real(let number), .real(let decimals)) where number.isFinite: bytes = Array(String(format: "%.\(decimals)f", number).utf8)
        default: bytes = []
        }
        let fitting = bytes.count <= width ? bytes : []
        if case .text = field.kind {
            b.bytes(fitting); b.bytes(repeatElement(0x20, count: width - fitting.count))
        } else {
            b.bytes(repeatElement(0x20, count: width - fitting.count)); b.bytes(fitting)
        }
    }

    /// The longest prefix of `text` of at most `bytes` UTF-8 bytes that ends on a character.
    private static func prefix(_ text: String, bytes: Int) -> [UInt8] {
        if text.utf8.count <= bytes { return Array(text.utf8) }
        var result: [UInt8] = []
        for character in text {
            let utf8 = Array(String(character).utf8)
            guard result.count + utf8.count <= bytes else { break }
            result += utf8
        }
        return result
    }
}
