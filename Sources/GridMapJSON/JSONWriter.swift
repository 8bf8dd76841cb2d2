import GridMapCore
import NIOCore

/// Appends JSON to a `ByteBuffer` that becomes the response body without a copy. Faster than
/// `JSONEncoder` by an order of magnitude, which the bulk resolve endpoint (hundreds of MB of
/// output) needs; used for every answer for one style. Its primitives are inlinable, so the
/// representations in other modules write as fast as those in this one.
public struct JSONWriter {
    @usableFromInline var storage: ByteBuffer

    /// What has been written.
    public var buffer: ByteBuffer { storage }

    /// A writer whose buffer starts with room for `capacity` bytes.
    public init(capacity: Int = 256) { storage = ByteBufferAllocator().buffer(capacity: capacity) }

    /// JSON text given literally: punctuation, or a key and its colon.
    @inlinable public mutating func raw(_ text: StaticString) { storage.writeStaticString(text) }

    /// Text already rendered as JSON.
    @inlinable public mutating func raw(_ rendered: ByteBuffer) { storage.writeImmutableBuffer(rendered) }

    /// Bytes already rendered as JSON.
    @inlinable public mutating func raw(bytes: UnsafeRawBufferPointer) { storage.writeBytes(bytes) }

    /// Text already rendered as JSON (e.g. stored JSON columns).
    @inlinable public mutating func raw(json text: String) { storage.writeString(text) }

    /// Appends at most `maxBytes` bytes through a cursor: one capacity check for many small
    /// pieces, for the bulk endpoint's inner loop.
    @inlinable public mutating func append(atMost maxBytes: Int, _ body: (inout ByteCursor) -> Void) {
        storage.writeWithUnsafeMutableBytes(minimumWritableBytes: maxBytes) { space in
            var cursor = ByteCursor(pointer: space.baseAddress!)
            body(&cursor)
            precondition(cursor.pointer - space.baseAddress! <= maxBytes, "wrote past the reserved space")
            return cursor.pointer - space.baseAddress!
        }
    }

    /// A JSON string literal, escaped.
    @inlinable public mutating func string(_ value: String) {
        storage.writeInteger(UInt8(ascii: "\""))
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            storage.writeString(value)
        } else {
            for byte in value.utf8 { escape(byte) }
        }
        storage.writeInteger(UInt8(ascii: "\""))
    }

    @usableFromInline mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            raw("\\u00")
            storage.writeInteger(hex.utf8Start[Int(byte >> 4)])
            storage.writeInteger(hex.utf8Start[Int(byte & 15)])
        default: storage.writeInteger(byte)
        }
    }

    /// A finite double in its shortest round-tripping spelling.
    @inlinable public mutating func number(_ value: Double) { storage.writeString(value.description) }

    /// A non-negative value rounded to tenths, spelled as `number` spells that rounded double
    /// (`12.0`, `4983.2`) without formatting a double.
    public mutating func tenths(_ value: Double) {
        guard ByteCursor.spellsTenths(value) else { number((value * 10).rounded() / 10); return }
        append(atMost: ByteCursor.maxTenthsBytes) { $0.tenths(value) }
    }

    /// A string, or null.
    @inlinable public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// An instant as a string in its stored spelling (``Instant/iso``), or null.
    public mutating func instant(_ value: Instant?) {
        if let value { string(value.iso) } else { raw("null") }
    }

    /// A number, or null.
    @inlinable public mutating func optionalNumber(_ value: Double?) {
        if let value { number(value) } else { raw("null") }
    }

    /// An integer.
    @inlinable public mutating func number(_ value: Int) { storage.writeString(String(value)) }

    /// An integer, or null.
    @inlinable public mutating func optionalNumber(_ value: Int?) {
        if let value { number(value) } else { raw("null") }
    }

    /// `true` or `false`.
    @inlinable public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }
}

/// Copies bytes to reserved memory (see ``JSONWriter/append(atMost:_:)``).
public struct ByteCursor {
    @usableFromInline var pointer: UnsafeMutableRawPointer

    @usableFromInline init(pointer: UnsafeMutableRawPointer) { self.pointer = pointer }

    /// Bytes already rendered.
    @inlinable public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        pointer.copyMemory(from: source, byteCount: bytes.count)
        pointer += bytes.count
    }

    /// Text given literally.
    @inlinable public mutating func append(_ text: StaticString) {
        pointer.copyMemory(from: text.utf8Start, byteCount: text.utf8CodeUnitCount)
        pointer += text.utf8CodeUnitCount
    }

    /// Most bytes ``tenths(_:)`` writes.
    public static let maxTenthsBytes = 18

    /// Whether ``tenths(_:)`` spells `value` (non-negative, below 10¹⁵).
    @inlinable public static func spellsTenths(_ value: Double) -> Bool { value >= 0 && value < 1e15 }

    /// A value that ``spellsTenths(_:)``, rounded to tenths (`12.0`, `4983.2`).
    @inlinable public mutating func tenths(_ value: Double) {
        let tenths = Int64((value * 10).rounded())
        var whole = tenths / 10, digits = 1
        while whole >= 10 { whole /= 10; digits += 1 }
        whole = tenths / 10
        for k in stride(from: digits - 1, through: 0, by: -1) {
            pointer.storeBytes(of: UInt8(truncatingIfNeeded: 48 + whole % 10), toByteOffset: k, as: UInt8.self)
            whole /= 10
        }
        pointer.storeBytes(of: UInt8(ascii: "."), toByteOffset: digits, as: UInt8.self)
        pointer.storeBytes(of: UInt8(truncatingIfNeeded: 48 + tenths % 10), toByteOffset: digits + 1, as: UInt8.self)
        pointer += digits + 2
    }
}
