import ArgumentParser
import Foundation
import GridMapCore
import GridMapServer

struct CountyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "county", abstract: "County linkage (上级交办).", subcommands: [CountyImportCommand.self])
}

/// `gridmap county import FILE`: a batch of county assignments, all or nothing, idempotent.
struct CountyImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Take a batch of county assignments (上级交办) in one transaction.",
        discussion: "FILE is a JSON array of POST /v1/events bodies (origin county; external_id and reported_at required, "
            + "upstream_deadline optional). An assignment stored before with the same body is counted and left alone; "
            + "another body under a stored external_id is refused, and then nothing is stored.")

    @Argument(help: "A .json file.") var file: String
    @Option(help: "Who the history names as having received them.") var actor = "县社会治理中心"
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.open()
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            printError("cannot read \(file): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let intakes: [EventIntake]
        do {
            let now = Instant.now()
            let located = try CountyAssignmentFile.read(data, history: HistoricalResolvers(store: store), now: now)
            intakes = try store.intake(located, actor: actor, at: now)
        } catch let error as DatasetError {
            printError("county import of \(file) failed; nothing was stored:")
            error.problems.prefix(50).forEach { printError("  error: \($0)") }
            if error.problems.count > 50 { printError("  … and \(error.problems.count - 50) more") }
            throw ExitCode(error)
        }
        let created = intakes.filter(\.created).count
        print("\(intakes.count) county assignments from \(file) → \(database.path): \(created) new, "
            + "\(intakes.count - created) stored before (unchanged)")
    }
}
