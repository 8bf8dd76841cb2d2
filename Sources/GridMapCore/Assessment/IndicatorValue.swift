/// An indicator's value for one subject, with what it was computed from.
public struct IndicatorValue: Sendable, Equatable {
    /// Nil when a rate has no basis (nothing to count).
    public var value: Double?
    /// For a rate: what was counted, and out of how many.
    public var numerator: Int?
    public var denominator: Int?

    public static func count(_ n: Int) -> IndicatorValue { IndicatorValue(value: Double(n)) }

    public static func rate(_ numerator: Int, of denominator: Int) -> IndicatorValue {
        IndicatorValue(value: denominator == 0 ? nil : Double(numerator) / Double(denominator), numerator: numerator, denominator: denominator)
    }

    /// A share computed elsewhere (patrols).
    public static func share(_ value: Double?) -> IndicatorValue { IndicatorValue(value: value) }

    public init(value: Double?, numerator: Int? = nil, denominator: Int? = nil) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }
}
