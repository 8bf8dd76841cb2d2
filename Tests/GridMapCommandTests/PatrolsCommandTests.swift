import Foundation
import GRDB
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

@Suite("gridmap patrols import, the command")
struct PatrolsCommandTests {
    private static let gridmap = ExternalTool.gridmap

    private static func importing(_ bytes: [UInt8], store: SpatiaLiteStore) async throws -> ExternalTool.Output {
        let file = try Fixtures.scratchDirectory().appendingPathComponent("fixes.csv")
        try Data(bytes).write(to: file)
        return try await ExternalTool.output(gridmap, ["patrols", "import", file.path, "--db", store.path])
    }

    @Test func saysWhichEncodingAndZoneTheFileWasReadIn() async throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let row: [UInt8] = [0xD0, 0xEC, 0xBE, 0xB2] + Array(",2026-03-02 08:58:11,119.72,28.27\n".utf8)  // 徐静
        let output = try await Self.importing(Array("member,time,lon,lat\n".utf8) + row, store: store)
        #expect(output.text.contains("fixes.csv: encoding GB18030 (not UTF-8); times without a zone read as UTC+08:00"), "\(output.text)")
        #expect(try await store.pool.read { try String.fetchAll($0, sql: "SELECT code FROM patrol_members") } == ["徐静"])
    }

    @Test func aSwappedFixIsAnErrorNamingItAndStoresNothing() async throws {
        let store = try Fixtures.store(with: ["dagangtou"])
        let csv = "member,time,lon,lat\nm1,2026-03-02T08:00:00+08:00,119.72,28.27\nm1,2026-03-02T08:00:10+08:00,28.27,119.72\n"
        await #expect { _ = try await Self.importing(Array(csv.utf8), store: store) } throws: {
            "\($0)".contains("fixes.csv: lat_lon_swapped: line 3: latitude 119.72 is out of range") && "\($0)".contains("nothing was stored")
        }
        #expect(try await store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM patrol_fixes") } == 0)
    }
}
