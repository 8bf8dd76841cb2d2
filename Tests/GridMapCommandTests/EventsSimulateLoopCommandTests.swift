import Foundation
import GRDB
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// `gridmap events simulate-loop`: the sample loop's events and what the loop kept of them, read
/// back with SQL — every closed event evaluated, every stage ended in order, the sweep's records
/// after its stage turned red, answers only to records that expect one.
@Suite("gridmap events simulate-loop, the command")
struct EventsSimulateLoopCommandTests {
    @Test func aMonthOfSampleEventsGoesThroughTheWholeLoop() async throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let output = try await ExternalTool.output(ExternalTool.gridmap, ["events", "simulate-loop", "--db", store.path,
                                                                          "--dataset", "dagangtou", "--days", "31", "--per-day", "4"])
        let reported = try #require(output.text.split(separator: " ").dropFirst().first.flatMap { Int($0) }, "\(output.text)")
        try await store.pool.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM events") == reported)
            // Each kind of step happened.
            for table in ["event_tasks", "event_evaluations", "event_extensions"] {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")! > 0, "\(table)")
            }
            #expect(try Int.fetchAll(db, sql: "SELECT DISTINCT level FROM event_supervisions ORDER BY level") == [1, 2, 3])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_stages WHERE stage = 'parked'")! > 0)
            // Every evaluated event has a satisfied or basically satisfied evaluation last.
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM events e WHERE e.status = 'evaluated' AND (SELECT satisfaction FROM event_evaluations v
                    WHERE v.event_id = e.id ORDER BY v.id DESC LIMIT 1) NOT IN ('satisfied', 'basically_satisfied')
                """) == 0)
            // The sweep's records come at or after their stage's deadline (or the overall one), unless
            // an extension approved later moved it.
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM event_supervisions v JOIN events e ON e.id = v.event_id LEFT JOIN event_stages s ON s.id = v.stage_id
                WHERE v.issued_by = 'system' AND NOT (v.issued_at >= s.due_at OR v.issued_at >= e.deadline_at)
                  AND NOT EXISTS (SELECT 1 FROM event_extensions x WHERE x.event_id = e.id AND x.status = 'approved')
                """) == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_supervisions WHERE level = 1 AND reply IS NOT NULL") == 0)
            // At most one open stage an event, and none for closed events.
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM event_stages s JOIN events e ON e.id = s.event_id
                WHERE s.ended_at IS NULL AND e.status IN ('resolved', 'evaluated')
                """) == 0)
        }
    }
}
