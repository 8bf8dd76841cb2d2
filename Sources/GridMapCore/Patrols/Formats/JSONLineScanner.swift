/// A JSON scanner over UTF-8 bytes for flat records: it walks one object's members, hands out
/// string and number values as bytes, and skips (but still checks) values it is not asked for.
/// Strings with escapes are rewritten into the scratch buffer, which must have room for the
/// scanned bytes. Errors are `malformed_json` naming `line`.
struct JSONLineScanner {
    /// A value as the scanner hands it out.
    enum Scalar {
        case string(UnsafeBufferPointer<UInt8>)
        /// The number as spelled.
        case number(UnsafeBufferPointer<UInt8>)
        case null
        /// `true`, `false`, an object or an array (skipped).
        case other
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let line: Int
    private var at = 0
    private var expectsComma = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        self.bytes = bytes
        self.line = line
    }

    /// True when only whitespace is left.
    mutating func atEnd() -> Bool {
        skipSpace()
        return at == bytes.count
    }

    mutating func beginObject() throws(PatrolParseError) {
        skipSpace()
        guard at < bytes.count && bytes[at] == UInt8(ascii: "{") else { throw error("expected a JSON object") }
        at += 1
        expectsComma = false
    }

    /// The next member's key, with the scanner before its value; nil after the closing brace.
    mutating func nextKey(_ scratch: inout ScratchBytes) throws(PatrolParseError) -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        guard at < bytes.count else { throw error("the object is not closed") }
        if bytes[at] == UInt8(ascii: "}") {
            at += 1
            return nil
        }
        if expectsComma {
            guard bytes[at] == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
            at += 1
            skipSpace()
        }
        guard at < bytes.count && bytes[at] == UInt8(ascii: "\"") else { throw error("expected a key string") }
        let key = try string(&scratch)
        skipSpace()
        guard at < bytes.count && bytes[at] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
        at += 1
        expectsComma = true
        return key
    }

    /// The value at the scanner.
    mutating func scalar(_ scratch: inout ScratchBytes) throws(PatrolParseError) -> Scalar {
        skipSpace()
        guard at < bytes.count else { throw error("expected a value") }
        switch bytes[at] {
        case UInt8(ascii: "\""): return .string(try string(&scratch))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            try skipValue(&scratch)
            return .other
        }
    }

    /// Skips the value at the scanner, checking its syntax.
    mutating func skipValue(_ scratch: inout ScratchBytes, depth: Int = 0) throws(PatrolParseError) {
        guard depth < 64 else { throw error("values nested too deep") }
        skipSpace()
        guard at < bytes.count else { throw error("expected a value") }
        switch bytes[at] {
        case UInt8(ascii: "\""): _ = try string(&scratch)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "{"):
            let outer = expectsComma
            try beginObject()
            while try nextKey(&scratch) != nil { try skipValue(&scratch, depth: depth + 1) }
            expectsComma = outer
        case UInt8(ascii: "["):
            at += 1
            skipSpace()
            if at < bytes.count && bytes[at] == UInt8(ascii: "]") { at += 1; return }
            while true {
                try skipValue(&scratch, depth: depth + 1)
                skipSpace()
                guard at < bytes.count else { throw error("the array is not closed") }
                at += 1
                if bytes[at - 1] == UInt8(ascii: "]") { return }
                guard bytes[at - 1] == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
            }
        default: throw error("expected a value")
        }
    }

    func error(_ message: String) -> PatrolParseError {
        PatrolParseError(.malformedJSON, "line \(line): \(message) at column \(at + 1)")
    }

    private mutating func skipSpace() {
        while at < bytes.count && PatrolFields.isSpace(bytes[at]) { at += 1 }
    }

    private mutating func literal(_ word: String) throws(PatrolParseError) {
        let end = at + word.utf8.count
        guard end <= bytes.count && bytes[at..<end].elementsEqual(word.utf8) else { throw error("expected a value") }
        at = end
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(PatrolParseError) -> UnsafeBufferPointer<UInt8> {
        let start = at
        func digits() -> Int {
            let first = at
            while at < bytes.count && bytes[at] &- 48 < 10 { at += 1 }
            return at - first
        }
        if bytes[at] == UInt8(ascii: "-") { at += 1 }
        let leadingZero = at < bytes.count && bytes[at] == UInt8(ascii: "0")
        let integer = digits()
        guard integer > 0 && !(leadingZero && integer > 1) else { throw error("malformed number") }
        if at < bytes.count && bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw error("malformed number") }
        }
        if at < bytes.count && bytes[at] | 0x20 == UInt8(ascii: "e") {
            at += 1
            if at < bytes.count && (bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-")) { at += 1 }
            guard digits() > 0 else { throw error("malformed number") }
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<at])
    }

    /// The string at the scanner (at its opening quote), unescaped.
    private mutating func string(_ scratch: inout ScratchBytes) throws(PatrolParseError) -> UnsafeBufferPointer<UInt8> {
        at += 1
        let start = at
        while at < bytes.count && bytes[at] != UInt8(ascii: "\"") && bytes[at] != UInt8(ascii: "\\") && bytes[at] >= 0x20 {
            at += 1
        }
        if at < bytes.count && bytes[at] == UInt8(ascii: "\"") {
            at += 1
            return UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)])
        }
        let unescaped = scratch.end
        for byte in bytes[start..<at] { scratch.append(byte) }
        while true {
            guard at < bytes.count else { throw error("the string is not closed") }
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""): return scratch.view(from: unescaped)
            case UInt8(ascii: "\\"): try escape(&scratch)
            case ..<0x20: throw error("control character in a string")
            default: scratch.append(byte)
            }
        }
    }

    /// The escape after a backslash, appended as UTF-8.
    private mutating func escape(_ scratch: inout ScratchBytes) throws(PatrolParseError) {
        guard at < bytes.count else { throw error("the string is not closed") }
        let byte = bytes[at]
        at += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
                guard at + 1 < bytes.count && bytes[at] == UInt8(ascii: "\\") && bytes[at + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate escape")
                }
                at += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("unpaired surrogate escape") }
            for unit in String(scalar).utf8 { scratch.append(unit) }
        default: throw error("invalid escape '\\\(Unicode.Scalar(byte))'")
        }
    }

    private mutating func hex4() throws(PatrolParseError) -> UInt32 {
        guard at + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[at..<(at + 4)] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { throw error("invalid \\u escape") }
            value = value << 4 | UInt32(digit)
        }
        at += 4
        return value
    }
}
