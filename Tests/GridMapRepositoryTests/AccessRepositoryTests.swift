import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// Tokens and the audit log on every backend.
@Suite struct AccessRepositoryTests {
    let actor = AuditActor(name: "cli:tester", role: nil, origin: "cli")

    @Test(arguments: Backend.all) func aTokenNamesItsHolderUntilRevoked(_ backend: Backend) throws {
        let store = try backend.emptyRepository()
        let planner = try store.createToken(name: "规划科", role: .planner, by: actor)
        let gis = try store.createToken(name: "县GIS", role: .gis, by: actor)
        #expect(planner.token != gis.token)
        #expect(try store.principal(forToken: planner.token) == Principal(tokenID: planner.id, name: "规划科", role: .planner))
        #expect(try store.principal(forToken: "gm_unknown") == nil)

        #expect(try store.revokeToken(id: planner.id, by: actor))
        #expect(try store.revokeToken(id: planner.id, by: actor) == false, "revoked already")
        #expect(try store.revokeToken(id: 999, by: actor) == false)
        #expect(try store.principal(forToken: planner.token) == nil)
        #expect(try store.principal(forToken: gis.token)?.role == .gis)
        let listed = try store.tokens()
        #expect(listed.map(\.name) == ["规划科", "县GIS"])
        #expect(listed[0].revokedAt != nil && listed[1].revokedAt == nil)

        let log = try store.auditLog()
        #expect(log.map(\.action) == ["token create", "token create", "token revoke"], "refused revokes change nothing")
        #expect(log.map(\.target) == ["token/\(planner.id)", "token/\(gis.id)", "token/\(planner.id)"])
        #expect(log.allSatisfy { $0.actor == "cli:tester" && $0.origin == "cli" && $0.role == nil && $0.status == nil })
        #expect(log[1].detail == ["name": .string("县GIS"), "role": .string("gis"), "scope": .string("everywhere")])
    }

    @Test(arguments: Backend.all) func theAuditLogReadsTheLatestEntriesOldestFirst(_ backend: Backend) throws {
        let store = try backend.emptyRepository()
        let someone = AuditActor(name: "调度员", role: .dispatcher, origin: "10.0.0.7")
        for (i, at) in (["2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z", "2026-01-03T00:00:00.000Z"] as [Instant]).enumerated() {
            try store.appendAudit(someone.entry("POST /v1/events", target: "/v1/events", status: 201,
                                                detail: ["query": .string("n=\(i)")], at: at))
        }
        let latest = try store.auditLog(limit: 2)
        #expect(latest.map(\.at) == ["2026-01-02T00:00:00.000Z", "2026-01-03T00:00:00.000Z"])
        #expect(latest[1] == AuditEntry(id: latest[1].id, at: "2026-01-03T00:00:00.000Z", actor: "调度员", role: .dispatcher,
                                        action: "POST /v1/events", target: "/v1/events", status: 201, origin: "10.0.0.7",
                                        detail: ["query": .string("n=2")]))
        #expect(try store.auditLog(since: "2026-01-02T12:00:00.000Z").map(\.at) == ["2026-01-03T00:00:00.000Z"])
    }

    @Test(arguments: Backend.all) func accountsAreCreatedChangedAndAuditedNeverListingTheirHash(_ backend: Backend) throws {
        let store = try backend.emptyRepository()
        let hash = try Password.hash("long enough password", cost: 4)
        let leader = try store.createUser(name: "镇长", role: .leader, scope: .town("331102102000"), passwordHash: hash, by: actor)
        #expect(throws: AccountError.nameTaken("镇长")) {
            try store.createUser(name: "镇长", role: .gis, scope: .everywhere, passwordHash: hash, by: actor)
        }
        #expect(try store.users() == [leader])
        #expect(leader.principal == Principal(userID: leader.id, name: "镇长", role: .leader, scope: .town("331102102000")))
        #expect(try store.storedUser(named: "镇长")?.passwordHash == hash)
        #expect(try store.storedUser(named: "无此人") == nil)

        let locked = Instant(milliseconds: 1_900_000_000_000)
        try store.recordSignIn(userID: leader.id, failures: 6, lockedUntil: locked,
                               audit: actor.entry("session create", target: "user/\(leader.id)", status: 401))
        #expect(try store.user(id: leader.id).map { ($0.failedSignIns, $0.lockedUntil) } ?? (0, nil) == (6, locked))
        let disabled = try store.setUserDisabled(name: "镇长", true, by: actor)
        #expect(disabled.disabledAt != nil)
        let reset = try store.resetPassword(name: "镇长", passwordHash: try Password.hash("another long password", cost: 4), by: actor)
        #expect(reset.failedSignIns == 0 && reset.lockedUntil == nil && reset.disabledAt != nil, "a reset does not enable")
        #expect(try store.setUserDisabled(name: "镇长", false, by: actor).disabledAt == nil)
        #expect(throws: AccountError.unknownUser("无此人")) { try store.setUserDisabled(name: "无此人", true, by: actor) }

        let log = try store.auditLog()
        #expect(log.map(\.action) == ["user create", "session create", "user disable", "user reset-password", "user enable"])
        #expect(log.allSatisfy { $0.target == "user/\(leader.id)" })
        #expect(log[0].detail["scope"] == .string("town 331102102000"))
        #expect(!log.map { JSONValue.object($0.detail).text }.joined().contains("$2"), "no hash in the audit log")
        #expect(try store.verifyAuditChain().broken == nil)
    }

    @Test(arguments: Backend.all) func entriesAppendedTogetherKeepTheChain(_ backend: Backend) throws {
        let store = try backend.emptyRepository()
        try store.appendAudit(actor.entry("first", target: nil))
        try store.appendAudit((1...3).map { actor.entry("batch \($0)", target: "event/\($0)") })
        #expect(try store.auditLog().map(\.action) == ["first", "batch 1", "batch 2", "batch 3"])
        #expect(try store.verifyAuditChain().broken == nil)
    }
}
