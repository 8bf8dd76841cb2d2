/// A request whose work would pass a bound set to keep one request from exhausting the
/// server's memory or time, found before anything is allocated; worded for an API error's
/// detail (400 `work_limit`) or a CLI error (exit status 2).
public struct WorkLimitExceeded: CodedError, Equatable, Sendable {
    /// What needs too much, e.g. "coverage at radius 10 m of grid 330…001 (3.1 × 2.1 km)".
    public let what: String
    /// How much it needs and the most allowed, in `unit`.
    public let needed: Double, limit: Int
    public let unit: String
    /// How to ask for less.
    public let advice: String

    public init(_ what: String, needs needed: Double, limit: Int, unit: String, advice: String) {
        self.what = what
        self.needed = needed
        self.limit = limit
        self.unit = unit
        self.advice = advice
    }

    public var errorCode: String { "work_limit" }
    public var failureKind: FailureKind { .invalidInput }

    public var description: String {
        let needs = needed < 1e6 ? "\(Int(needed.rounded(.up)))" : "\(Double(Int((needed / 1e5).rounded(.up))) / 10) million"
        return "\(what) needs \(needs) \(unit), over the limit of \(limit); \(advice)"
    }
}
