/// An event's 督办 as it stands: the highest level issued, the current stage's window, and the
/// records and extension requests (read with the history).
public struct EventSupervision: Sendable, Equatable {
    /// The highest level issued over the event's life (what exports and lists show).
    public var level: SupervisionLevel
    /// The current stage; nil when the event is closed or its stages are not recorded (imported).
    public var window: StageWindow?
    public var records: [SupervisionRecord]
    public var extensions: [StageExtension]

    public init(level: SupervisionLevel = .none, window: StageWindow? = nil, records: [SupervisionRecord] = [],
                extensions: [StageExtension] = []) {
        self.level = level
        self.window = window
        self.records = records
        self.extensions = extensions
    }

    /// The records issued in the current stage (all of them for an event whose stages are not recorded).
    public var currentRecords: [SupervisionRecord] { records.filter { $0.stageID == window?.id } }

    /// The extension waiting for a leader, if any.
    public var pendingExtension: StageExtension? { extensions.first { $0.status == .pending } }
}

extension EventRecord {
    /// The event's light at `now` (nil when closed).
    public func light(at now: Instant) -> SupervisionLight? {
        SupervisionLight.of(status, window: supervision.window, overall: deadlineAt, at: now)
    }

    /// The office a supervision or extension concerns: the lead task's while one is open, else the routing's.
    public var responsibleOffice: String? {
        tasks.first { $0.lead && $0.status.isOpen }?.office ?? routing.office
    }
}
