/// A feature property value. Each kind is written in its own MVT value field: strings as
/// `string_value`, doubles as `double_value`, integers ≥ 0 as `int_value` and negative ones as
/// `sint_value` (zigzag, so they stay short), booleans as `bool_value`.
public enum TileValue: Hashable, Sendable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
}

extension TileValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
