import ArgumentParser
import Foundation
import GridMapCore

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy", abstract: "Platform models.", subcommands: [TaxonomyMigrateCommand.self])
}

/// `gridmap taxonomy migrate --town CODE --to FILE`: a town changes platform model.
struct TaxonomyMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move a town to another platform model and re-route its open events (handled ones keep theirs).")

    @Option(help: "The town's 12-digit code.") var town: String
    @Option(help: "The new platforms.json.") var to: String
    @Option(help: "When the new model takes effect (ISO 8601, Beijing time without a zone; default now).") var validFrom: Instant?
    @Option(help: "Who made the change (recorded in the events' history).") var actor = "taxonomy migrate"
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.open()
        let migration: TaxonomyMigration
        do {
            let taxonomy = try Taxonomy.read(Data(contentsOf: URL(fileURLWithPath: to)))
            migration = try store.migrateTaxonomy(taxonomy, town: town, validFrom: validFrom ?? .now(), actor: actor)
        } catch let error as DatasetError {
            printError("migration failed; nothing was changed:")
            error.problems.prefix(50).forEach { printError("  error: \($0)") }
            throw ExitCode(error)
        }
        guard migration.changed else { print("town \(town) already has this platform model; nothing changed"); return }
        print("town \(town): new platform model from \(to)")
        print("  open events re-routed: \(migration.moved.values.reduce(0, +))")
        for (move, count) in migration.moved.sorted(by: { $0.key < $1.key }) { print("    \(move): \(count)") }
        print("  handled events keeping their platform: \(migration.closedKept)")
    }
}
