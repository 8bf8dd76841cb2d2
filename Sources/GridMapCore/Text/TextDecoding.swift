import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place where file bytes become text (events CSV and GeoJSON, people.csv, duty.csv,
/// patrol CSV): strict UTF-8 with a byte order mark stripped, else GB18030 (through iconv), or
/// the encoding a caller forces. Bytes that decode in neither are an error naming the line:
/// nothing is ever read with replacement characters.
///
/// Any byte string that is valid UTF-8 is taken as UTF-8 (a GB18030 file of only ASCII is the
/// same text either way); GB18030 accepts most byte strings, so a file in a third encoding
/// (Big5, Latin-1) may read as GB18030 nonsense: reports name the encoding used, and
/// `--encoding utf8` refuses anything that is not UTF-8.
public enum TextDecoding {
    /// Decodes `data`; `name` (a file name) starts error messages.
    public static func decode(_ data: Data, name: String, forcing forced: TextEncoding? = nil) throws(TextDecodingError) -> DecodedText {
        let result: Result<DecodedText, TextDecodingError> = data.withUnsafeBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            let utf8 = forced == .gb18030 ? nil : self.utf8(bytes)
            if case .success(let text)? = utf8 { return .success(DecodedText(text: text, encoding: .utf8)) }
            let gb = forced == .utf8 ? nil : gb18030(bytes)
            if case .success(let text)? = gb { return .success(DecodedText(text: text, encoding: .gb18030)) }
            var failures: [(TextEncoding, Int)] = []
            if case .failure(let invalid)? = utf8 { failures.append((.utf8, invalid.offset)) }
            if case .failure(let invalid)? = gb { failures.append((.gb18030, invalid.offset)) }
            let lines = failures.map { line(of: $0.1, in: bytes) }
            let parts = zip(failures, lines).map { failure, line in "not \(failure.0) (line \(line), byte \(failure.1))" }
            return .failure(TextDecodingError(
                line: lines.last ?? 1,
                detail: "\(name): " + parts.joined(separator: " and ")
                    + (forced == nil ? "; save it as UTF-8 or GB18030" : "; check --encoding")))
        }
        return try result.get()
    }

    /// Where decoding stopped.
    private struct InvalidByte: Error {
        let offset: Int
    }

    /// The UTF-8 text after an optional byte order mark, or the offset of the first invalid byte.
    private static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, InvalidByte> {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var offset = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return .failure(InvalidByte(offset: offset))
            case .emptyInput: return .failure(InvalidByte(offset: offset))
            }
        }
    }

    /// The text of GB18030 bytes (converted to UTF-8 by iconv), or the offset of the first byte
    /// iconv refuses (an invalid sequence, or one cut off at the end).
    private static func gb18030(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, InvalidByte> {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return .failure(InvalidByte(offset: 0)) }
        defer { iconv_close(converter) }
        // A GB18030 character of n bytes is at most n + 1 bytes of UTF-8 (2 → 3, 4 → 4).
        let capacity = bytes.count * 3 / 2 + 4
        let output = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        defer { output.deallocate() }
        guard let base = bytes.baseAddress else { return .success("") }
        var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
        var inputLeft = bytes.count
        var cursor: UnsafeMutablePointer<CChar>? = output
        var outputLeft = capacity
        let status = iconv(converter, &input, &inputLeft, &cursor, &outputLeft)
        guard status != -1 else { return .failure(InvalidByte(offset: bytes.count - inputLeft)) }
        let written = UnsafeRawBufferPointer(start: output, count: capacity - outputLeft)
        guard let text = String(validating: written.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else {
            return .failure(InvalidByte(offset: 0))
        }
        return .success(text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text)
    }

    /// The line (from 1) of a byte offset: newline is one byte in both encodings.
    private static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
