import GridMapCore

/// Where the server reads "now" for the loop (moves, lights, the 督办 sweep, statistics): the
/// system clock, or one a test sets.
public struct ServerClock: Sendable {
    public let now: @Sendable () -> Instant

    public init(_ now: @escaping @Sendable () -> Instant) { self.now = now }

    public static let system = ServerClock { Instant.now() }
}
