import GridMapCore
import Logging
import NIOCore

/// Delivers one hook's outbox rows, one at a time in outbox order (so per event, and overall),
/// each tried per the ``RetryPolicy`` and then dead-lettered; the hook's cursor moves past a row
/// only once it is delivered or dead-lettered, so a crash re-delivers at most the row in flight
/// (at least once: the receiver dedups by `X-GridMap-Delivery`). Re-sends asked for by hand go
/// before anything new. Ends when the hook is deleted or the task is cancelled.
struct HookWorker: Sendable {
    let hookID: Int64
    let store: any GridMapRepository
    let served: ServedStateHolder
    let clock: ServerClock
    let settings: HookSettings
    let sender: HookSender
    let logger: Logger

    /// What came of trying one row.
    enum Outcome {
        case delivered(attempts: Int)
        case failed(attempts: Int, lastError: String)
    }

    func run() async {
        while !Task.isCancelled {
            do {
                guard let hook = try store.hook(hookID) else { return }
                let resent = try await resendRequested(hook)
                let delivered = try await deliverNew(hook)
                if !resent && !delivered { try await Task.sleep(for: settings.poll) }
            } catch is CancellationError {
                return
            } catch {
                logger.error("hook \(hookID): \(error)")
                try? await Task.sleep(for: settings.poll * 4)
            }
        }
    }

    /// Sends the next rows after the cursor; false when there were none.
    private func deliverNew(_ hook: Hook) async throws -> Bool {
        let entries = try store.outbox(after: hook.cursor, limit: 100)
        var handled = hook.cursor
        for entry in entries {
            try Task.checkCancellation()
            if let event = try store.event(entry.eventID), hook.wants(entry.topic, town: event.townCode) {
                if handled > hook.cursor { try store.advanceHook(hook.id, to: handled) }
                switch try await deliver(entry, event: event, to: hook) {
                case .delivered:
                    try store.advanceHook(hook.id, to: entry.id)
                case .failed(let attempts, let lastError):
                    logger.warning("hook \(hook.id): outbox \(entry.id) dead-lettered after \(attempts) tries: \(lastError)")
                    try store.deadLetter(DeadLetter(hookID: hook.id, outboxID: entry.id, topic: entry.topic, eventID: entry.eventID,
                                                    attempts: attempts, lastError: lastError, failedAt: clock.now(), state: .dead))
                }
            }
            handled = entry.id
        }
        if let last = entries.last?.id { try store.advanceHook(hook.id, to: last) }
        return !entries.isEmpty
    }

    /// Sends the dead letters asked for again; false when none were.
    private func resendRequested(_ hook: Hook) async throws -> Bool {
        let letters = try store.resending(hook: hook.id)
        for letter in letters {
            guard let entry = try store.outbox(after: letter.outboxID - 1, limit: 1).first, entry.id == letter.outboxID,
                  let event = try store.event(entry.eventID) else {
                try store.resent(hook: hook.id, outboxID: letter.outboxID, attempts: letter.attempts, failure: "the event is gone", at: clock.now())
                continue
            }
            switch try await deliver(entry, event: event, to: hook) {
            case .delivered(let attempts):
                try store.resent(hook: hook.id, outboxID: entry.id, attempts: letter.attempts + attempts, failure: nil, at: clock.now())
            case .failed(let attempts, let lastError):
                try store.resent(hook: hook.id, outboxID: entry.id, attempts: letter.attempts + attempts, failure: lastError, at: clock.now())
            }
        }
        return !letters.isEmpty
    }

    /// Tries the row's requests until all are accepted or the retries run out; a request
    /// accepted is not sent again (one SMS per person, however often the others are retried).
    private func deliver(_ entry: OutboxEntry, event: EventRecord, to hook: Hook) async throws -> Outcome {
        let now = clock.now()
        let notification = try notification(entry.topic, event: event, now: now)
        var pending = HookMessages.bodies(for: hook, entry: entry, event: event, notification: notification, now: now)
        var attempt = 0, lastError = ""
        while !pending.isEmpty {
            attempt += 1
            var failed: [ByteBuffer] = []
            for body in pending {
                if let failure = await sender.post(body, to: hook, entry: entry) {
                    lastError = failure
                    failed.append(body)
                }
            }
            pending = failed
            guard !pending.isEmpty else { break }
            guard let delay = settings.retry.delay(after: attempt) else { return .failed(attempts: attempt, lastError: lastError) }
            try await Task.sleep(for: delay)
        }
        return .delivered(attempts: attempt)
    }

    /// Who is to be told: the people on duty now at the event's grid and village, the town's duty leader today.
    private func notification(_ topic: OutboxTopic, event: EventRecord, now: Instant) throws -> Notification {
        let resolver = try served.current().boundaries.resolver
        let places = [(AdminLevel.grid, event.gridCode), (.village, event.villageCode)].compactMap { level, code in
            code.map { AdminUnit(level: level, code: $0, name: "", parentCode: nil) }
        }
        let leader = try event.townCode.flatMap { try store.dutyLeader(town: $0, date: DutyDay.beijingDate(of: now)) }
        return Notification(topic, event: event, onDuty: places.flatMap(resolver.people(of:)), dutyLeader: leader)
    }
}
