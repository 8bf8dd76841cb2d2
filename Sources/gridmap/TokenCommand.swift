import ArgumentParser
import GridMapCore

/// `gridmap token create|list|revoke`: the bearer tokens of the HTTP API, each use audited.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Bearer tokens of the HTTP API (only their SHA-256 is stored).",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

/// `gridmap token create --role R [--name N]`: prints a new token once.
struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a token and print it on standard output, once.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "planner, dispatcher, gis, admin, leader or county.") var role: AccessRole
    @Option(help: "Who holds it, as the audit log will name them (default: the role).") var name: String?
    @OptionGroup var scope: ScopeOptions

    func run() throws {
        let store = try database.open()
        let scope = try scope.scope(in: store)
        let issued = try store.createToken(name: name ?? role.rawValue, role: role, scope: scope, by: .commandLine)
        print(issued.token)
        printError("token \(issued.id) (\(role.rawValue), \(scope.label)) created; only its SHA-256 is kept, so this is the only time it is shown")
    }
}

/// `gridmap token list`: every token, without hashes.
struct TokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens as TSV (never their hashes).")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.open()
        print(TSV.row(["id", "name", "role", "scope", "created_at", "revoked_at"]))
        for token in try store.tokens() {
            print(TSV.row([String(token.id), token.name, token.role.rawValue, token.scope.label, token.createdAt, token.revokedAt ?? ""]))
        }
        try store.appendAudit(AuditActor.commandLine.entry("token list", target: nil))
    }
}

/// `gridmap token revoke ID`: running servers refuse the token within `AccessPolicy.tokenRecheck` (2 s).
struct TokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token.")

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The token's id (gridmap token list).") var id: Int64

    func run() throws {
        guard try database.open().revokeToken(id: id, by: .commandLine) else {
            printError("no working token has id \(id)")
            throw ExitCode(2)
        }
        printError("token \(id) revoked")
    }
}

extension AccessRole: ExpressibleByArgument {}
