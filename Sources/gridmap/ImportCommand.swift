import ArgumentParser
import Foundation
import GridMapCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a dataset directory (towns/villages/grids.geojson, people.csv, platforms.json, dataset.json) in one transaction.")

    @Argument(help: "Dataset directory.") var directory: String
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Repair invalid geometries with MakeValid (and report the changes) instead of rejecting them.")
    var repair = false
    @Option(help: "When changed boundaries take effect (ISO 8601, Beijing time without a zone; default now).") var validFrom: Instant?
    @Option(help: "Digits a grid code adds to its village code (default: dataset.json or 3).") var gridSuffixDigits: Int?
    @Option(help: "utf8 or gb18030 for people.csv and duty.csv (default: UTF-8 when valid, else GB18030).")
    var encoding: TextEncoding?

    func run() throws {
        let store = try database.open()
        let summary: ImportSummary
        do {
            summary = try store.importDataset(at: URL(fileURLWithPath: directory),
                                              options: ImportOptions(repair: repair, validFrom: validFrom,
                                                                     gridCodeSuffixDigits: gridSuffixDigits, encoding: encoding))
        } catch let error as DatasetError {
            printError("import of \(directory) failed; nothing was changed:")
            error.problems.forEach { printError("  error: \($0)") }
            throw ExitCode(error)
        }
        summary.report.repairs.forEach { print("repaired: \($0)") }
        summary.report.warnings.forEach { print("warning: \($0)") }
        print("dataset \(summary.dataset) → \(database.path)")
        for level in AdminLevel.allCases {
            let c = summary.counts[level] ?? .init()
            print("  \(level.rawValue)s: \(c.added) added, \(c.changed) changed, \(c.unchanged) unchanged, \(c.retired) retired")
        }
        print("  people: " + (summary.people.map { "\($0) replaced" } ?? "unchanged"))
        for (file, encoding) in summary.textEncodings.sorted(by: { $0.key < $1.key }) where encoding != .utf8 {
            print("  \(file): read as \(encoding)" + (self.encoding == nil ? " (not UTF-8)" : ""))
        }
        print("  platform model: " + (summary.taxonomies.isEmpty ? "unchanged" : "new for " + summary.taxonomies.joined(separator: ", ")))
        print("  assessment scheme: "
              + (summary.assessmentSchemes.isEmpty ? "unchanged" : "new for " + summary.assessmentSchemes.joined(separator: ", ")))
    }
}
