/// What statistics read of one task: its office and loop times.
public struct TaskFact: Sendable, Equatable {
    public var office: String
    public var status: TaskStatus
    public var assignedAt: Instant
    public var closedAt: Instant?
    public var deadlineAt: Instant?

    public init(office: String, status: TaskStatus, assignedAt: Instant, closedAt: Instant?, deadlineAt: Instant?) {
        self.office = office
        self.status = status
        self.assignedAt = assignedAt
        self.closedAt = closedAt
        self.deadlineAt = deadlineAt
    }
}

/// One office's tasks over a period (`/v1/stats?by=office`): the basis of 属地考评 of offices and
/// stationed agencies (派驻机构).
public struct OfficeStats: Sendable, Equatable {
    public var office: String
    /// Tasks assigned to it in the period (cancelled ones included: they were received).
    public var received = 0
    /// Of those, done.
    public var done = 0
    /// Done by their deadline (or without one).
    public var onTime = 0
    /// Sent back to the command room.
    public var rejected = 0
    /// Withdrawn by the command room.
    public var cancelled = 0
    /// Still open, and of those past their deadline at `now`.
    public var open = 0
    public var overdue = 0
    /// Hours from assignment to done, median over the done ones (nil when none).
    public var medianHours: Double?

    /// An office with nothing counted yet.
    public init(office: String) { self.office = office }

    /// Done on time over done (0 when none done).
    public var onTimeRate: Double { done == 0 ? 0 : Double(onTime) / Double(done) }

    /// Figures per office of `facts` (the tasks assigned in the period) at `now`, by office name.
    public static func of(_ facts: [TaskFact], now: Instant) -> [OfficeStats] {
        var byOffice: [String: (stats: OfficeStats, hours: [Double])] = [:]
        for fact in facts {
            var entry = byOffice[fact.office] ?? (OfficeStats(office: fact.office), [])
            entry.stats.received += 1
            switch fact.status {
            case .done:
                entry.stats.done += 1
                if let closed = fact.closedAt {
                    if fact.deadlineAt.map({ closed <= $0 }) ?? true { entry.stats.onTime += 1 }
                    entry.hours.append(Double(closed.milliseconds - fact.assignedAt.milliseconds) / 3_600_000)
                }
            case .rejected: entry.stats.rejected += 1
            case .cancelled: entry.stats.cancelled += 1
            case .assigned, .accepted:
                entry.stats.open += 1
                if fact.deadlineAt.map({ $0 < now }) ?? false { entry.stats.overdue += 1 }
            }
            byOffice[fact.office] = entry
        }
        return byOffice.values.sorted { $0.stats.office < $1.stats.office }.map { entry in
            var stats = entry.stats, hours = entry.hours
            stats.medianHours = EventFactsTable.quantile(&hours, 0.5)
            return stats
        }
    }
}
