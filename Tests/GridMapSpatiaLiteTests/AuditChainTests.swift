import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// The audit log's hash chain: refused rewrites, tampering found by `verifyAuditChain`, and the
/// chain's hashes against coreutils' `sha256sum`.
@Suite struct AuditChainTests {
    let store: SpatiaLiteStore
    let actor = AuditActor(name: "cli:tester", role: nil, origin: "cli")

    init() throws { store = try Fixtures.emptyStore() }

    func append(_ count: Int) throws { try Self.append(count, to: store, by: actor) }

    static func append(_ count: Int, to store: SpatiaLiteStore, by actor: AuditActor) throws {
        for i in 1...count {
            try store.appendAudit(actor.entry("token list", target: i.isMultiple(of: 2) ? "token/\(i)" : nil,
                                              detail: ["n": .number(Double(i))], at: Instant(parsing: "2026-01-0\(i)T00:00:00.000Z")!))
        }
    }

    /// Raw SQL on a second connection that is not the store's, as someone holding the file can run.
    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
    }

    func rows() throws -> [Row] { try store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM audit_log ORDER BY id") } }

    @Test func eachRowHashesItsFieldsAndThePreviousHash() throws {
        try append(2)
        let stored = try rows()
        #expect(stored.map { $0["prev_hash"] as String } == [AuditChain.genesis, stored[0]["hash"] as String])
        // The canonical encoding of row 1, spelled out by hand, hashed by coreutils.
        let canonical = "1:1" + "24:2026-01-01T00:00:00.000Z" + "10:cli:tester" + "~" + "10:token list" + "~" + "~" + "3:cli"
            + "7:{\"n\":1}" + "64:" + String(repeating: "0", count: 64)
        let digest = try ExternalTool.run("/usr/bin/sha256sum", ["-"], input: Array(canonical.utf8))
        #expect(String(decoding: digest, as: UTF8.self).prefix(64) == (stored[0]["hash"] as String).prefix(64))
        let report = try store.verifyAuditChain()
        #expect(report == AuditChainReport(rows: 2, head: stored[1]["hash"], broken: nil))
        #expect(try Fixtures.emptyStore().verifyAuditChain() == AuditChainReport(rows: 0, head: nil, broken: nil))
    }

    @Test func insertOrReplaceOfAnExistingRowIsRefused() throws {
        try append(2)
        let before = try rows()
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in
                try db.execute(sql: """
                    INSERT OR REPLACE INTO audit_log (id, at, actor, role, action, target, status, origin, detail, prev_hash, hash)
                    SELECT id, at, 'nobody', role, action, target, status, origin, detail, prev_hash, hash FROM audit_log WHERE id = 1
                    """)
            }
        }
        #expect(throws: DatabaseError.self, "an upsert is an update") {
            try store.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO audit_log (id, at, actor, action, origin, prev_hash, hash) VALUES (1, 'x', 'nobody', 'y', 'z', '', '')
                    ON CONFLICT (id) DO UPDATE SET actor = excluded.actor
                    """)
            }
        }
        #expect(throws: DatabaseError.self, "a row without its hash") {
            try store.pool.write { try $0.execute(sql: "INSERT INTO audit_log (at, actor, action, origin) VALUES ('x', 'forger', 'y', 'z')") }
        }
        #expect(try rows() == before)
        #expect(try store.verifyAuditChain().broken == nil)
    }

    @Test func verifyNamesTheFirstChangedRow() throws {
        try append(5)
        try tamper("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone else' WHERE id = 3")
        #expect(try store.verifyAuditChain() == AuditChainReport(
            rows: 3, head: nil, broken: .init(id: 3, problem: "hash mismatch: the row's fields do not give its hash")))

        // Rehashing the changed row moves the break to the next row, whose prev_hash still names the original.
        let row = try #require(try rows().first { $0["id"] == 3 })
        try tamper("UPDATE audit_log SET hash = '\(AuditChain.Fields(row).hash(after: row["prev_hash"]))' WHERE id = 3")
        #expect(try store.verifyAuditChain().broken == .init(id: 4, problem: "prev_hash is not row 3's hash"))
    }

    @Test func verifyNamesARemovedOrForgedRow() throws {
        try append(4)
        try tamper("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2")
        #expect(try store.verifyAuditChain().broken == .init(id: 3, problem: "gap: row 2 is missing"))

        let forged = try Fixtures.emptyStore()
        try Self.append(2, to: forged, by: actor)
        let queue = try DatabaseQueue(path: forged.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_chained")
            try db.execute(sql: "INSERT INTO audit_log (at, actor, action, origin) VALUES ('2026-02-01T00:00:00.000Z', 'forger', 'x', 'cli')")
        }
        try queue.close()
        #expect(try forged.verifyAuditChain().broken == .init(id: 3, problem: "prev_hash is not row 2's hash"))
    }

    @Test func version8LogsAreChainedInIdOrder() throws {
        let path = try Fixtures.scratchDirectory().appendingPathComponent("v8.sqlite").path
        let pool = try DatabasePool(path: path, configuration: SpatiaLiteConnection.configuration())
        try Schema.migrator().migrate(pool, upTo: "v8: boundary changes with author and reason, parents per version, tokens, audit log")
        try pool.write { db in
            for i in 1...3 {
                try db.execute(sql: "INSERT INTO audit_log (at, actor, action, origin, detail) VALUES (?, 'old', 'GET /v1/events', '10.0.0.1', '{}')",
                               arguments: ["2025-12-0\(i)T00:00:00.000Z"])
            }
        }
        try pool.close()
        let store = try SpatiaLiteStore(path: path)
        let migrated = try store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM audit_log ORDER BY id") }
        var previous = AuditChain.genesis
        for row in migrated {
            #expect(row["prev_hash"] == previous)
            #expect(row["hash"] == AuditChain.Fields(row).hash(after: previous))
            previous = row["hash"]
        }
        try store.appendAudit(AuditActor(name: "new", role: nil, origin: "cli").entry("token list", target: nil))
        #expect(try store.verifyAuditChain() == AuditChainReport(rows: 4, head: try store.pool.read {
            try String.fetchOne($0, sql: "SELECT hash FROM audit_log WHERE id = 4")
        }, broken: nil))
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 1") }
        }
    }
}
