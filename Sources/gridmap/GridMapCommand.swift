import ArgumentParser
import Foundation

@main
struct GridMapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridmap",
        abstract: "Township grid governance: boundaries in SpatiaLite, exact coordinate resolution, HTTP API.",
        subcommands: [ImportCommand.self, EventsCommand.self, TaxonomyCommand.self, ResolveCommand.self, ServeCommand.self, TilesCommand.self, PatrolsCommand.self, CoverageCommand.self, EditCommand.self, BenchCommand.self])
}

/// `--db PATH`, defaulting to `$GRIDMAP_DB`, then `gridmap.sqlite`.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "SpatiaLite database file (default: $GRIDMAP_DB or gridmap.sqlite).")
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["GRIDMAP_DB"] ?? "gridmap.sqlite" }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
