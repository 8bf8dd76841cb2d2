import GridMapCore

/// Instants written as literals in tests: `"2026-01-01T00:00:00.000Z"`, or a plain date (UTC
/// midnight). A literal that does not parse stops the test run, naming it.
extension Instant: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        guard let instant = Instant(parsing: text) else { preconditionFailure("'\(text)' is not an ISO 8601 time") }
        self = instant
    }
}
