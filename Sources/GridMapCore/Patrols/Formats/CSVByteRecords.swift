/// RFC 4180 records read from UTF-8 bytes without copying them: fields are views of the input,
/// except quoted fields with doubled quotes, which are rewritten into a scratch buffer. A quoted
/// field may span lines; LF and CRLF end records; a leading byte order mark is skipped. (`CSV.rows`
/// does the same on strings; this one is for files of millions of rows.)
struct CSVByteRecords: ~Copyable {
    /// The fields of the last record read, valid until the next `next()`.
    private(set) var fields: [UnsafeBufferPointer<UInt8>] = []
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at: Int
    private var line = 1
    private var scratch = ScratchBytes()
    /// Indexes in `fields` of quoted fields with doubled quotes still to be rewritten.
    private var doubledQuotes: [Int] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        at = PatrolFields.textStart(bytes)
    }

    /// Reads the next record into `fields` and returns the line it starts on (from 1); nil at the
    /// end of the input.
    mutating func next() throws(PatrolParseError) -> Int? {
        guard at < bytes.count else { return nil }
        let start = at, startLine = line
        fields.removeAll(keepingCapacity: true)
        while true {
            if at < bytes.count && bytes[at] == quote { try quotedField(startLine: startLine) } else { unquotedField() }
            if at == bytes.count { break }
            if bytes[at] == comma { at += 1; continue }
            if bytes[at] == carriageReturn { at += 1 }
            if at == bytes.count { break }
            guard bytes[at] == newline else {
                throw PatrolParseError(.malformedCSV, "line \(line): text after the closing quote of field \(fields.count)")
            }
            at += 1
            line += 1
            break
        }
        if !doubledQuotes.isEmpty { rewriteDoubledQuotes(recordLength: at - start) }
        return startLine
    }

    /// Up to the next comma or line end; the CR of a CRLF is left for `next()`.
    private mutating func unquotedField() {
        let start = at
        while at < bytes.count && bytes[at] != comma && bytes[at] != newline { at += 1 }
        var end = at
        if end > start && bytes[end - 1] == carriageReturn { end -= 1; at = end }
        fields.append(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    private mutating func quotedField(startLine: Int) throws(PatrolParseError) {
        at += 1
        let start = at
        while true {
            guard at < bytes.count else {
                throw PatrolParseError(.malformedCSV, "line \(startLine): a quoted field is not closed")
            }
            if bytes[at] == quote {
                guard at + 1 < bytes.count && bytes[at + 1] == quote else { break }
                if doubledQuotes.last != fields.count { doubledQuotes.append(fields.count) }
                at += 2
                continue
            }
            if bytes[at] == newline { line += 1 }
            at += 1
        }
        fields.append(UnsafeBufferPointer(rebasing: bytes[start..<at]))
        at += 1
    }

    private mutating func rewriteDoubledQuotes(recordLength: Int) {
        scratch.reset(capacity: recordLength)
        for index in doubledQuotes {
            let start = scratch.end
            var skipNextQuote = false
            for byte in fields[index] {
                if byte == quote && skipNextQuote { skipNextQuote = false; continue }
                skipNextQuote = byte == quote
                scratch.append(byte)
            }
            fields[index] = scratch.view(from: start)
        }
        doubledQuotes.removeAll(keepingCapacity: true)
    }
}

private let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
