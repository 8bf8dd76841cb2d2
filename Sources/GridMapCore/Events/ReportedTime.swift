/// When an event may say it was reported: not more than five minutes after now (phones' clocks
/// drift). One rule for `POST /v1/events` and for imports; earlier times are history and welcome.
public enum ReportedTime {
    /// How far ahead of now a reported time may lie, in milliseconds.
    public static let futureToleranceMilliseconds: Int64 = 300_000

    /// Whether a reported time lies too far after `now`.
    public static func isInFuture(_ reportedAt: Instant, now: Instant) -> Bool {
        reportedAt.milliseconds - now.milliseconds > futureToleranceMilliseconds
    }
}
