import ArgumentParser
import GridMapCore
import GridMapGeometry
import GridMapStore

/// `gridmap audit`: the latest entries of the append-only audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Print the audit log (latest entries, oldest first) as TSV or JSON lines.")

    enum Format: String, ExpressibleByArgument { case tsv, json }

    @OptionGroup var database: DatabaseOption
    @Option(help: "How many of the latest entries.") var limit = 100
    @Option(help: "Only entries at or after this time (ISO 8601).") var since: String?
    @Option(help: "tsv (with a header) or json (one object a line).") var format = Format.tsv

    func run() throws {
        let from = try since.map { text in
            guard let time = Timestamp.normalize(text) else { throw ValidationError("--since must be an ISO 8601 date or time") }
            return time
        }
        let entries = try GridMapStore(path: database.path).auditLog(limit: limit, since: from)
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
