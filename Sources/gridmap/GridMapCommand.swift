import GridMapSpatiaLite
import ArgumentParser
import Foundation
import GridMapCore

@main
struct GridMapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridmap",
        abstract: "Township grid governance: boundaries in SpatiaLite, exact coordinate resolution, HTTP API.",
        subcommands: [ImportCommand.self, EventsCommand.self, CountyCommand.self, TaxonomyCommand.self, AssessCommand.self, AssessmentCommand.self, ReportCommand.self, ResolveCommand.self, ServeCommand.self, TilesCommand.self, PatrolsCommand.self, CoverageCommand.self, ExportCommand.self, EditCommand.self, TokenCommand.self, UserCommand.self, AuditCommand.self])

    /// Runs the command asked for. A ``CodedError`` it does not handle itself ends it with
    /// `error: <sentence> (<code>)` on standard error and its kind's exit status (``FailureKind/exitStatus``).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand { try await command.run() } else { try command.run() }
        } catch let error as any CodedError {
            printError("error: \(error) (\(error.errorCode))")
            exit(withError: ExitCode(error))
        } catch {
            exit(withError: error)
        }
    }
}

/// `--db PATH`, defaulting to `$GRIDMAP_DB`, then `gridmap.sqlite`.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "SpatiaLite database file (default: $GRIDMAP_DB or gridmap.sqlite).")
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["GRIDMAP_DB"] ?? "gridmap.sqlite" }

    /// The store every command works on: the one place the command line chooses its backend.
    func open(readOnly: Bool = false) throws -> any GridMapRepository {
        try SpatiaLiteStore(path: path, readOnly: readOnly)
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Tab-separated rows; tabs and line breaks inside a field become spaces.
enum TSV {
    static func row(_ fields: [String]) -> String {
        fields.map { String($0.map { $0 == "\t" || $0.isNewline ? " " : $0 }) }.joined(separator: "\t")
    }
}

extension AuditActor {
    /// Whoever runs the command: `cli:$USER`, origin `cli`, no role (the database file is theirs).
    static var commandLine: AuditActor {
        AuditActor(name: "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? NSUserName()), role: nil, origin: "cli")
    }
}
