import Foundation
import GridMapCore
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// `gridmap user …` on a real database file, checked through the store.
@Suite struct UserCommandTests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func gridmap(_ arguments: [String], password: String? = nil, expecting status: Int32 = 0) async throws -> ExternalTool.Output {
        try await ExternalTool.output(ExternalTool.gridmap, ["user"] + arguments + ["--db", store.location],
                                      input: password.map { Array("\($0)\n".utf8) } ?? [], expecting: status)
    }

    @Test func accountsAreMadeScopedListedDisabledAndResetFromTheCommandLine() async throws {
        let created = try await gridmap(["create", "--name", "张三", "--role", "dispatcher", "--town", "331102102000", "--password-stdin"],
                                        password: "a long enough password")
        #expect(created.stderr.contains("'张三' (dispatcher, town 331102102000) created"), "\(created.stderr)")
        let account = try #require(try store.storedUser(named: "张三"))
        #expect(account.account.scope == .town("331102102000"))
        #expect(account.passwordHash.hasPrefix("$2") && Password.matches("a long enough password", hash: account.passwordHash))

        let short = try await gridmap(["create", "--name", "李四", "--role", "gis", "--password-stdin"], password: "short", expecting: 2)
        #expect(short.stderr.contains("at least 10 characters"), "\(short.stderr)")
        let noStdin = try await gridmap(["create", "--name", "李四", "--role", "gis"], expecting: 64)
        #expect(noStdin.stderr.contains("--password-stdin"), "\(noStdin.stderr)")
        let unknownTown = try await gridmap(["create", "--name", "李四", "--role", "leader", "--town", "999", "--password-stdin"],
                                            password: "a long enough password", expecting: 2)
        #expect(unknownTown.stderr.contains("invalid_scope"), "\(unknownTown.stderr)")
        let taken = try await gridmap(["create", "--name", "张三", "--role", "gis", "--password-stdin"],
                                      password: "a long enough password", expecting: 3)
        #expect(taken.stderr.contains("user_exists"), "\(taken.stderr)")
        #expect(try store.users().map(\.name) == ["张三"], "nothing half-made")

        _ = try await gridmap(["disable", "张三"])
        #expect(try store.users().first?.disabledAt != nil)
        let list = try await gridmap(["list"]).text
        let rows = list.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["id", "name", "role", "scope", "created_at", "disabled_at", "failed_signins", "locked_until"])
        #expect(rows.count == 2 && rows[1][1] == "张三" && rows[1][3] == "town 331102102000" && !rows[1][5].isEmpty)
        #expect(!list.contains("$2"), "hashes are never listed")
        _ = try await gridmap(["enable", "张三"])
        _ = try await gridmap(["reset-password", "张三", "--password-stdin"], password: "another long password")
        let reset = try #require(try store.storedUser(named: "张三"))
        #expect(reset.account.disabledAt == nil && Password.matches("another long password", hash: reset.passwordHash))
        _ = try await gridmap(["disable", "无此人"], expecting: 2)

        let actions = try store.auditLog().map(\.action).filter { $0.hasPrefix("user") }
        #expect(actions == ["user create", "user disable", "user list", "user enable", "user reset-password"])
        #expect(try store.auditLog().filter { $0.action.hasPrefix("user") }.allSatisfy { $0.origin == "cli" })
    }
}
