import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    public func createHook(_ registration: HookRegistration, actor: String, at now: Instant) throws -> Hook {
        try write { db in
            let cursor = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM outbox") ?? 0
            try db.execute(sql: """
                INSERT INTO hooks (url, secret, topics, town, channel, template, cursor, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [registration.url, registration.secret, registration.topics.map(\.rawValue).joined(separator: ","),
                                 registration.town, registration.channel.name, registration.channel.template, cursor, now, actor])
            return Hook(id: db.lastInsertedRowID, url: registration.url, secret: registration.secret, topics: registration.topics,
                        town: registration.town, channel: registration.channel, cursor: cursor, createdAt: now, createdBy: actor)
        }
    }

    public func hooks() throws -> [Hook] {
        try pool.read { db in try Row.fetchAll(db, sql: "\(Self.hookColumns) ORDER BY id").compactMap(Self.hook) }
    }

    public func hook(_ id: Int64) throws -> Hook? {
        try pool.read { db in try Row.fetchOne(db.cachedStatement(sql: "\(Self.hookColumns) WHERE id = ?"), arguments: [id]).flatMap(Self.hook) }
    }

    public func deleteHook(_ id: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM hooks WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func advanceHook(_ id: Int64, to outboxID: Int64) throws {
        try write { db in
            try db.cachedStatement(sql: "UPDATE hooks SET cursor = MAX(cursor, ?) WHERE id = ?").execute(arguments: [outboxID, id])
        }
    }

    public func deadLetter(_ letter: DeadLetter) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO hook_deliveries (hook_id, outbox_id, attempts, last_error, failed_at, state) VALUES (?, ?, ?, ?, ?, 'dead')
                ON CONFLICT (hook_id, outbox_id) DO UPDATE SET attempts = excluded.attempts, last_error = excluded.last_error,
                    failed_at = excluded.failed_at, state = 'dead'
                """, arguments: [letter.hookID, letter.outboxID, letter.attempts, letter.lastError, letter.failedAt])
            try db.execute(sql: "UPDATE hooks SET cursor = MAX(cursor, ?) WHERE id = ?", arguments: [letter.outboxID, letter.hookID])
        }
    }

    public func deadLetters(hook: Int64, limit: Int) throws -> [DeadLetter] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.letterColumns) WHERE d.hook_id = ? ORDER BY d.outbox_id DESC LIMIT ?",
                             arguments: [hook, limit]).compactMap(Self.letter)
        }
    }

    public func resend(hook: Int64, outboxID: Int64) throws -> DeadLetter {
        try write { db in
            try db.execute(sql: "UPDATE hook_deliveries SET state = 'resending' WHERE hook_id = ? AND outbox_id = ?",
                           arguments: [hook, outboxID])
            guard let letter = try Row.fetchOne(db, sql: "\(Self.letterColumns) WHERE d.hook_id = ? AND d.outbox_id = ?",
                                                arguments: [hook, outboxID]).flatMap(Self.letter) else {
                throw HookError.unknownDeadLetter(hook: hook, outboxID: outboxID)
            }
            return letter
        }
    }

    public func resending(hook: Int64) throws -> [DeadLetter] {
        try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "\(Self.letterColumns) WHERE d.hook_id = ? AND d.state = 'resending' ORDER BY d.outbox_id"),
                             arguments: [hook]).compactMap(Self.letter)
        }
    }

    public func resent(hook: Int64, outboxID: Int64, attempts: Int, failure: String?, at now: Instant) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE hook_deliveries SET attempts = ?, state = ?, last_error = COALESCE(?, last_error), failed_at = CASE WHEN ? IS NULL THEN failed_at ELSE ? END
                WHERE hook_id = ? AND outbox_id = ?
                """, arguments: [attempts, failure == nil ? "delivered" : "dead", failure, failure, now, hook, outboxID])
        }
    }

    private static let hookColumns = "SELECT id, url, secret, topics, town, channel, template, cursor, created_at, created_by FROM hooks"

    private static func hook(_ row: Row) -> Hook? {
        guard let channel = HookChannel(name: row[5], template: row[6]) else { return nil }
        let topics = (row[3] as String).split(separator: ",").compactMap { OutboxTopic(rawValue: String($0)) }
        return Hook(id: row[0], url: row[1], secret: row[2], topics: topics, town: row[4], channel: channel, cursor: row[7],
                    createdAt: row[8], createdBy: row[9])
    }

    private static let letterColumns = """
        SELECT d.hook_id, d.outbox_id, o.topic, o.event_id, d.attempts, d.last_error, d.failed_at, d.state
        FROM hook_deliveries d JOIN outbox o ON o.id = d.outbox_id
        """

    private static func letter(_ row: Row) -> DeadLetter? {
        guard let topic = OutboxTopic(rawValue: row[2]), let state = DeadLetter.State(rawValue: row[7]) else { return nil }
        return DeadLetter(hookID: row[0], outboxID: row[1], topic: topic, eventID: row[3], attempts: row[4], lastError: row[5],
                          failedAt: row[6], state: state)
    }
}
