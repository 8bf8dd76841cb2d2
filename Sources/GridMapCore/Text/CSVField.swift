import Foundation

/// The one CSV field writer of the project (RFC 4180, UTF-8), safe to open in a spreadsheet:
/// - a field holding `,`, `"`, CR or LF is quoted, inner quotes doubled;
/// - a field starting with `=`, `+`, `-`, `@`, tab or CR (a formula to Excel, WPS and LibreOffice:
///   `=cmd|' /C calc'!A1`) gets a leading `'` and is quoted; a number (`-1.5`, `+3e2`) is left as
///   it is, since a spreadsheet reads it as a number, never a formula.
///
/// Readers that get such a field back see the `'`: the CSV is meant for people, its
/// machine-readable twins are GeoJSON and the HTTP API.
public enum CSVField {
    /// The UTF-8 byte order mark Excel needs to read a CSV as UTF-8 (`--bom`).
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Appends one field's bytes to `out`.
    public static func append(_ value: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let neutralised = isFormula(value)
        guard neutralised || value.contains(where: needsQuotes) else {
            out.append(contentsOf: value)
            return
        }
        out.append(UInt8(ascii: "\""))
        if neutralised { out.append(UInt8(ascii: "'")) }
        for byte in value {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends one field to `out`.
    public static func append(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { append($0, to: &out) }
    }

    /// Appends a row (fields separated by commas, ended by LF) to `out`.
    public static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(field, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// One field as text.
    public static func escaped(_ value: String) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }

    /// True when a spreadsheet would take the field for a formula.
    private static func isFormula(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = value.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isNumber(value)
        default: return false
        }
    }

    /// `[+-]digits[.digits][e[+-]digits]`.
    private static func isNumber(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = 1, digits = 0
        func isDigit(_ i: Int) -> Bool { i < value.count && value[i] >= 48 && value[i] <= 57 }
        while isDigit(at) { at += 1; digits += 1 }
        if at < value.count, value[at] == UInt8(ascii: ".") {
            at += 1
            while isDigit(at) { at += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if at < value.count, value[at] | 0x20 == UInt8(ascii: "e") {
            at += 1
            if at < value.count, value[at] == UInt8(ascii: "+") || value[at] == UInt8(ascii: "-") { at += 1 }
            guard isDigit(at) else { return false }
            while isDigit(at) { at += 1 }
        }
        return at == value.count
    }
}
