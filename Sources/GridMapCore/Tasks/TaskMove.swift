import Foundation

/// One move of a task's loop, as its loop allowed it: what a repository stores for it.
public struct TaskMove: Sendable, Equatable {
    /// The task before the move.
    public var task: EventTask
    public var to: TaskStatus
    public var reason: String?
    public var actor: String
    public var at: Instant

    /// Moving `task` to `status` at `now`: legal only to one of ``TaskStatus/allowedNext``, and
    /// to rejected or cancelled only with a non-empty reason (kept only for those).
    public init(_ task: EventTask, to status: TaskStatus, reason: String?, actor: String, at now: Instant) throws(TaskError) {
        guard task.status.allowedNext.contains(status) else { throw .illegalTransition(from: task.status, to: status) }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if status.needsReason && (reason ?? "").isEmpty { throw .reasonRequired(status) }
        self.task = task
        to = status
        self.reason = status.needsReason ? reason : nil
        self.actor = actor
        at = now
    }

    /// The task after the move.
    public var moved: EventTask {
        var moved = task
        moved.status = to
        if to == .accepted { moved.acceptedAt = at }
        if !to.isOpen { moved.closedAt = at }
        if let reason { moved.reason = reason }
        return moved
    }

    /// The event history's note for the move: the office, then the reason.
    public var historyNote: String { [task.office, reason].compactMap { $0 }.joined(separator: ": ") }
}
