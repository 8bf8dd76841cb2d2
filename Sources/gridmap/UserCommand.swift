import ArgumentParser
import Foundation
import GridMapCore

/// `gridmap user create|list|disable|enable|reset-password`: people's accounts, for signing in
/// to the console (`POST /v1/session`). Passwords are read from standard input, never from the
/// command line (where `ps` and shell history would keep them), and stored as bcrypt hashes.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "People's accounts (passwords stored as bcrypt hashes).",
        subcommands: [UserCreateCommand.self, UserListCommand.self, UserDisableCommand.self, UserEnableCommand.self,
                      UserResetPasswordCommand.self])
}

/// `--password-stdin`: the password is the first line of standard input.
struct PasswordInput: ParsableArguments {
    @Flag(help: "Read the password from the first line of standard input (required).")
    var passwordStdin = false

    /// The hash of the password read.
    func hash() throws -> String {
        guard passwordStdin else { throw ValidationError("give the password on standard input with --password-stdin") }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("standard input is empty: no password") }
        return try Password.hash(line)
    }
}

struct UserCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an account.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "The name they sign in with and the history names them by.") var name: String
    @Option(help: "planner, dispatcher, gis, admin, leader or county.") var role: AccessRole
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var password: PasswordInput

    func run() throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { throw AccountError.invalidName("is empty or longer than 64 characters") }
        let store = try database.open()
        let account = try store.createUser(name: trimmed, role: role, scope: try scope.scope(in: store),
                                           passwordHash: try password.hash(), by: .commandLine)
        printError("account \(account.id) '\(account.name)' (\(role.rawValue), \(account.scope.label)) created")
    }
}

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts as TSV (never their hashes).")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.open()
        print(TSV.row(["id", "name", "role", "scope", "created_at", "disabled_at", "failed_signins", "locked_until"]))
        for user in try store.users() {
            print(TSV.row([String(user.id), user.name, user.role.rawValue, user.scope.label, user.createdAt.iso,
                           user.disabledAt?.iso ?? "", String(user.failedSignIns), user.lockedUntil?.iso ?? ""]))
        }
        try store.appendAudit(AuditActor.commandLine.entry("user list", target: nil))
    }
}

struct UserDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an account: its sessions end within seconds, sign-ins are refused.")

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The account's name.") var name: String

    func run() throws {
        _ = try database.open().setUserDisabled(name: name, true, by: .commandLine)
        printError("account '\(name)' disabled")
    }
}

struct UserEnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account again.")

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The account's name.") var name: String

    func run() throws {
        _ = try database.open().setUserDisabled(name: name, false, by: .commandLine)
        printError("account '\(name)' enabled")
    }
}

struct UserResetPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password", abstract: "Set a new password (clears failed sign-ins and a lock).")

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The account's name.") var name: String
    @OptionGroup var password: PasswordInput

    func run() throws {
        _ = try database.open().resetPassword(name: name, passwordHash: try password.hash(), by: .commandLine)
        printError("password of '\(name)' reset")
    }
}
