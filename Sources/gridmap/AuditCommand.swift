import ArgumentParser
import GridMapCore
import GridMapGeometry

/// `gridmap audit [list]`: the latest entries of the append-only audit log; `gridmap audit verify`:
/// its hash chain checked.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The append-only, hash-chained audit log.",
        subcommands: [AuditListCommand.self, AuditVerifyCommand.self], defaultSubcommand: AuditListCommand.self)
}

/// `gridmap audit verify`: exit 0 with "N rows, chain intact", or 2 naming the first broken row.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain; exit 2 naming the first row that was changed, removed or forged.",
        discussion: "Prints the head hash of an intact chain: kept elsewhere, it also reveals a rewritten tail.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let report = try database.open().verifyAuditChain()
        if let broken = report.broken {
            printError("audit log of \(database.path): row \(broken.id): \(broken.problem) (chain broken after \(report.rows - 1) intact rows)")
            throw ExitCode(2)
        }
        print("\(report.rows) rows, chain intact" + (report.head.map { "; head \($0)" } ?? ""))
    }
}

/// `gridmap audit list` (the default): the latest entries.
struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Print the audit log (latest entries, oldest first) as TSV or JSON lines.")

    enum Format: String, ExpressibleByArgument { case tsv, json }

    @OptionGroup var database: DatabaseOption
    @Option(help: "How many of the latest entries.") var limit = 100
    @Option(help: "Only entries at or after this time (ISO 8601; a plain date is a Beijing day).") var since: Instant?
    @Option(help: "tsv (with a header) or json (one object a line).") var format = Format.tsv

    func run() throws {
        let entries = try database.open().auditLog(limit: limit, since: since)
        if format == .tsv { print(TSV.row(["id", "at", "actor", "role", "action", "target", "status", "origin", "detail"])) }
        for entry in entries {
            let fields: [(String, JSONValue)] = [
                ("id", entry.id.map { .number(Double($0)) } ?? .null), ("at", .string(entry.at)), ("actor", .string(entry.actor)),
                ("role", entry.role.map { .string($0.rawValue) } ?? .null), ("action", .string(entry.action)),
                ("target", entry.target.map(JSONValue.string) ?? .null), ("status", entry.status.map { .number(Double($0)) } ?? .null),
                ("origin", .string(entry.origin)), ("detail", .object(entry.detail)),
            ]
            switch format {
            case .json: print(JSONValue.object(Dictionary(uniqueKeysWithValues: fields)).text)
            case .tsv: print(TSV.row(fields.map { _, value in value.string ?? (value == .null ? "" : value.text) }))
            }
        }
    }
}
