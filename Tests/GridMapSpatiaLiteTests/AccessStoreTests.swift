import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Bearer tokens (only hashes stored) and the append-only audit log, in a real SpatiaLite file.
@Suite struct AccessStoreTests {
    let store: SpatiaLiteStore
    let actor = AuditActor(name: "cli:tester", role: nil, origin: "cli")

    init() throws { store = try Fixtures.emptyStore() }

    /// The bytes of the database and its WAL, where an uncheckpointed write lives.
    func fileBytes() -> Data {
        ["", "-wal"].reduce(into: Data()) { bytes, suffix in
            if let data = FileManager.default.contents(atPath: store.path + suffix) { bytes.append(data) }
        }
    }

    @Test func onlyTheHashOfATokenIsStored() throws {
        let issued = try store.createToken(name: "徐静", role: .dispatcher, by: actor)
        #expect(issued.token.hasPrefix("gm_") && issued.token.count == 46)
        #expect(issued.token.dropFirst(3).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let bytes = fileBytes()
        #expect(bytes.range(of: Data(SpatiaLiteStore.sha256(issued.token).utf8)) != nil, "the hash is in the file")
        #expect(bytes.range(of: Data(issued.token.utf8)) == nil, "the token is not")
        #expect(bytes.range(of: Data(issued.token.dropFirst(3).utf8)) == nil)
        #expect(SpatiaLiteStore.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func theAuditLogRefusesUpdatesAndDeletes() throws {
        try store.appendAudit(actor.entry("token list", target: nil))
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'nobody'") } }
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(try store.auditLog().map(\.actor) == ["cli:tester"])
    }
}
