/// What a bulk event import stored, and what it skipped as re-delivered.
public struct EventImportSummary: Sendable {
    /// Events stored.
    public var events = 0
    /// Events per platform code.
    public var platforms: [String: Int] = [:]
    /// Rows skipped because their event was stored before this import (same source key: its
    /// `external_id`, else its content).
    public var skippedStored = 0
    /// Rows skipped because an earlier row of the same file is the same event.
    public var skippedRepeated = 0
    /// The first few skipped rows, each with the event it repeats (`line 12: event 40`).
    public var skippedExamples: [String] = []

    public init() {}

    /// Rows skipped in all.
    public var skipped: Int { skippedStored + skippedRepeated }
}
