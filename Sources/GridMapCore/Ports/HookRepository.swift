import GridMapGeometry

/// The hooks (``Hook``), each with its own cursor into the outbox, and their dead letters.
public protocol HookRepository: Sendable {
    /// Stores a receiver; its cursor starts at the newest outbox row (it receives what changes after).
    func createHook(_ registration: HookRegistration, actor: String, at: Instant) throws -> Hook
    /// Every hook, oldest first.
    func hooks() throws -> [Hook]
    func hook(_ id: Int64) throws -> Hook?
    /// Removes a hook and its dead letters; false when there was none.
    func deleteHook(_ id: Int64) throws -> Bool
    /// Moves the hook's cursor forward to `outboxID` (never back).
    func advanceHook(_ id: Int64, to outboxID: Int64) throws
    /// Records a delivery that failed every try, and moves the cursor past it, in one transaction.
    func deadLetter(_ letter: DeadLetter) throws
    /// The hook's dead letters (of every state), newest first.
    func deadLetters(hook: Int64, limit: Int) throws -> [DeadLetter]
    /// Asks for a dead letter to be sent again (state `resending`); throws ``HookError/unknownDeadLetter(hook:outboxID:)``.
    func resend(hook: Int64, outboxID: Int64) throws -> DeadLetter
    /// The dead letters asked to be sent again, oldest first.
    func resending(hook: Int64) throws -> [DeadLetter]
    /// Records how a re-send went: `delivered`, or `dead` again with the new failure.
    func resent(hook: Int64, outboxID: Int64, attempts: Int, failure: String?, at: Instant) throws
}
