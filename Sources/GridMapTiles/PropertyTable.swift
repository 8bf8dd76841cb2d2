/// A layer's keys and values tables: each distinct key and each distinct value is stored once,
/// and features refer to them by index in their `tags`.
struct PropertyTable {
    private(set) var keys: [String] = []
    private(set) var values: [TileValue] = []
    private var keyIndex: [String: UInt32] = [:]
    private var valueIndex: [ValueIdentity: UInt32] = [:]

    /// What makes two values one table entry: the same kind and the same content (doubles by
    /// their bits, so NaN matches NaN and 0.0 stays apart from -0.0).
    private enum ValueIdentity: Hashable {
        case string(String), int(Int64), double(UInt64), bool(Bool)

        init(_ value: TileValue) {
            switch value {
            case .string(let s): self = .string(s)
            case .int(let i): self = .int(i)
            case .double(let d): self = .double(d.bitPattern)
            case .bool(let b): self = .bool(b)
            }
        }
    }

    /// The feature's `tags`: key index, value index, pair by pair, in key order (so that equal
    /// input encodes to equal bytes).
    mutating func tags(for properties: [String: TileValue]) -> [UInt32] {
        var tags: [UInt32] = []
        tags.reserveCapacity(properties.count * 2)
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            tags.append(index(of: key))
            tags.append(index(of: value))
        }
        return tags
    }

    private mutating func index(of key: String) -> UInt32 {
        if let index = keyIndex[key] { return index }
        let index = UInt32(keys.count)
        keys.append(key)
        keyIndex[key] = index
        return index
    }

    private mutating func index(of value: TileValue) -> UInt32 {
        let identity = ValueIdentity(value)
        if let index = valueIndex[identity] { return index }
        let index = UInt32(values.count)
        values.append(value)
        valueIndex[identity] = index
        return index
    }
}
