import ArgumentParser
import Foundation
import GridMapCore

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Event files.", subcommands: [EventsImportCommand.self, EventsSimulateLoopCommand.self])
}

/// `gridmap events import FILE`: historical events, all or nothing.
struct EventsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import historical events (CSV or GeoJSON) in one transaction, each routed as of its reported_at.",
        discussion: "CSV header: \(EventFile.columns.joined(separator: ",")),status,closed_at,external_id (the last three optional). "
            + "Rows whose event is stored already (same external_id, else same source, reported_at, position, category "
            + "and description) are skipped and counted.")

    @Argument(help: "A .csv or .geojson file.") var file: String
    @OptionGroup var database: DatabaseOption
    @OptionGroup var text: TextInputOptions

    func run() throws {
        let store = try database.open()
        let start = Date()
        let summary: EventImportSummary
        let contents: EventFileContents
        do {
            contents = try EventFile.read(URL(fileURLWithPath: file), encoding: text.encoding, zone: text.timezone)
            summary = try store.importEvents(contents.events, resolvers: HistoricalResolvers(store: store))
        } catch let error as DatasetError {
            printError("import of \(file) failed; nothing was stored:")
            error.problems.prefix(50).forEach { printError("  error: \($0)") }
            if error.problems.count > 50 { printError("  … and \(error.problems.count - 50) more") }
            throw ExitCode(error)
        }
        let seconds = Date().timeIntervalSince(start)
        print("\(summary.events) events from \(file) → \(database.path) in \(String(format: "%.1f", seconds)) s")
        print("  " + text.report(contents.encoding))
        for (platform, count) in summary.platforms.sorted(by: { $0.key < $1.key }) { print("  \(platform): \(count)") }
        if summary.skipped > 0 {
            print("  skipped \(summary.skipped) re-delivered rows: \(summary.skippedStored) stored before, "
                + "\(summary.skippedRepeated) repeated in the file")
            summary.skippedExamples.forEach { print("    \($0)") }
            if summary.skipped > summary.skippedExamples.count { print("    …") }
        }
    }
}
