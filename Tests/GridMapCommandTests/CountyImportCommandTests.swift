import Foundation
import GRDB
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// `gridmap county import FILE`: a batch of 上级交办 taken in one transaction, idempotent, and
/// refused whole (every bad item named) when one conflicts or cannot be located — read back with SQL.
@Suite("gridmap county import, the command")
struct CountyImportCommandTests {
    static func item(_ id: String, description: String = "县里交办", lon: Double = 119.72) -> String {
        #"{"external_id":"\#(id)","category":"dispute.labour","description":"\#(description)","lon":\#(lon),"lat":28.27,"#
            + #""source":"hotline_12345","reporter":"县社会治理中心","reported_at":"2026-03-01T08:00:00Z"}"#
    }

    func write(_ items: [String]) throws -> String {
        let file = try Fixtures.scratchDirectory().appendingPathComponent("assignments.json")
        try Data(("[" + items.joined(separator: ",") + "]").utf8).write(to: file)
        return file.path
    }

    @Test func aBatchIsTakenOnceAndAConflictStoresNothing() async throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let batch = try write([Self.item("XB-1"), Self.item("XB-2"), Self.item("XB-2")])
        let first = try await ExternalTool.output(ExternalTool.gridmap, ["county", "import", batch, "--db", store.path])
        #expect(first.text.contains("3 county assignments") && first.text.contains("2 new, 1 stored before"), "\(first.text)")
        let again = try await ExternalTool.output(ExternalTool.gridmap, ["county", "import", batch, "--db", store.path])
        #expect(again.text.contains("0 new, 3 stored before"), "\(again.text)")

        let bad = try write([Self.item("XB-3"), Self.item("XB-1", description: "改了内容"), Self.item("XB-4", lon: 200)])
        let refused = try await ExternalTool.output(ExternalTool.gridmap, ["county", "import", bad, "--db", store.path], expecting: 2)
        #expect(refused.stderr.contains("item 3") && refused.stderr.contains("nothing was stored"), "\(refused.stderr)")
        let conflict = try write([Self.item("XB-3"), Self.item("XB-1", description: "改了内容")])
        let conflicted = try await ExternalTool.output(ExternalTool.gridmap, ["county", "import", conflict, "--db", store.path], expecting: 2)
        #expect(conflicted.stderr.contains("item 2") && conflicted.stderr.contains("XB-1"), "\(conflicted.stderr)")
        try await store.pool.read { (db: Database) throws in
            #expect(try String.fetchAll(db, sql: "SELECT external_id FROM events ORDER BY id") == ["XB-1", "XB-2"])
            #expect(try String.fetchAll(db, sql: "SELECT DISTINCT origin FROM events") == ["county"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE topic = 'event.created'") == 2)
        }
        let notArray = try Fixtures.scratchDirectory().appendingPathComponent("x.json")
        try Data(#"{"external_id":"x"}"#.utf8).write(to: notArray)
        let malformed = try await ExternalTool.output(ExternalTool.gridmap, ["county", "import", notArray.path, "--db", store.path], expecting: 2)
        #expect(malformed.stderr.contains("JSON array"))
    }
}
