/// The text encodings GridMap reads: UTF-8, and GB18030 (a superset of GBK and GB2312), which Excel
/// and WPS on Chinese Windows use when they save "CSV".
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    case utf8
    case gb18030

    /// How reports name it: `UTF-8`, `GB18030`.
    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        }
    }
}

/// Text decoded from a file's bytes, and the encoding it was found (or forced) to be in.
public struct DecodedText: Sendable {
    /// The text, without a byte order mark.
    public let text: String
    public let encoding: TextEncoding

    public init(text: String, encoding: TextEncoding) {
        self.text = text
        self.encoding = encoding
    }
}

/// Bytes that are not text in the encoding(s) tried: `detail` names the line and byte offset of
/// the first byte that does not decode (lines count from 1, offsets from 0).
public struct TextDecodingError: CodedError, Sendable, Equatable {
    /// The line of the first undecodable byte (of the last encoding tried).
    public let line: Int
    public let detail: String

    public var description: String { detail }
    public var errorCode: String { "undecodable_text" }
    public var failureKind: FailureKind { .invalidInput }
}
