import Foundation
import GRDB
@testable import GridMapSpatiaLite
import GridMapGeometry
import GridMapTestSupport
import Testing

/// `gridmap serve` killed with SIGKILL between commits and their deliveries (`Tests/hooks/crash_test.py`
/// drives it, with a receiver in Python that checks signatures with `hmac`): after the restart
/// every outbox row has reached the receiver, in outbox order, none more than once to a receiver
/// that keeps `X-GridMap-Delivery`, and at most the rows in flight at a kill arrived twice.
@Suite("hooks across kill -9, the server as run")
struct HookCrashCommandTests {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../hooks/crash_test.py").standardized.path

    @Test func everyOutboxRowIsDeliveredAfterAKill() async throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let output = try await ExternalTool.output("/usr/bin/python3", [Self.script, ExternalTool.gridmap, store.path])
        let summary = try JSONValue.parse(output.stdout)
        let outbox = try await store.pool.read { (db: Database) throws in try Int64.fetchAll(db, sql: "SELECT id FROM outbox ORDER BY id") }
        #expect(outbox.count == 40)
        #expect(summary["distinct"]?.array?.compactMap(\.number).map { Int64($0) } == outbox)
        #expect(summary["bad_signatures"] == .array([]))
        let arrivals = try #require(summary["arrivals"]?.number)
        // One row in flight per kill at most (one hook, one delivery at a time).
        #expect(arrivals >= 40 && arrivals <= 42, "\(output.text)")
        let cursor = try await store.pool.read { (db: Database) throws in try Int64.fetchOne(db, sql: "SELECT cursor FROM hooks") }
        #expect(cursor == outbox.last)
    }
}
