/// Writes Protocol Buffers wire format: varints, zigzag-encoded signed integers, 64-bit doubles and
/// length-delimited fields (strings, nested messages, packed repeated integers).
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    private enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2
    }

    /// ZigZag encoding: small magnitudes of either sign become small unsigned numbers
    /// (0 → 0, -1 → 1, 1 → 2, -2 → 3, …).
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private mutating func key(_ field: Int, _ type: WireType) {
        varint(UInt64(field) << 3 | type.rawValue)
    }

    /// A varint field (uint32, uint64, int64, bool, enum).
    mutating func unsigned(_ field: Int, _ value: UInt64) {
        key(field, .varint)
        varint(value)
    }

    /// A sint64 field.
    mutating func signed(_ field: Int, _ value: Int64) {
        unsigned(field, Self.zigzag(value))
    }

    mutating func double(_ field: Int, _ value: Double) {
        key(field, .fixed64)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ field: Int, _ value: String) {
        lengthDelimited(field, Array(value.utf8))
    }

    /// A nested message, written by `body`.
    mutating func message(_ field: Int, _ body: (inout ProtobufWriter) -> Void) {
        var nested = ProtobufWriter()
        body(&nested)
        lengthDelimited(field, nested.bytes)
    }

    /// A packed repeated uint32 field.
    mutating func packed(_ field: Int, _ values: [UInt32]) {
        var payload = ProtobufWriter()
        for value in values { payload.varint(UInt64(value)) }
        lengthDelimited(field, payload.bytes)
    }

    private mutating func lengthDelimited(_ field: Int, _ payload: [UInt8]) {
        key(field, .lengthDelimited)
        varint(UInt64(payload.count))
        bytes.append(contentsOf: payload)
    }
}
