import ArgumentParser
import Foundation
import GridMapCore

struct AssessmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment", abstract: "Assessment schemes (考核办法).", subcommands: [AssessmentSetCommand.self])
}

/// `gridmap assessment set --town CODE FILE [--valid-from T]`: a town's new 考核办法, checked first.
struct AssessmentSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Give a town an assessment scheme (assessment.json); its first holds from the beginning, a later one from --valid-from.")

    @Option(help: "The town's 12-digit code.") var town: String
    @Argument(help: "The scheme, an assessment.json.") var file: String
    @Option(help: "When a new scheme replaces the current one (ISO 8601, Beijing time without a zone; default now).") var validFrom: Instant?
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let scheme: AssessmentScheme
        do {
            scheme = try AssessmentScheme.read(Data(contentsOf: URL(fileURLWithPath: file)))
        } catch AssessmentError.invalidScheme(let problems) {
            printError("\(file): the scheme is refused; nothing was changed:")
            problems.prefix(50).forEach { printError("  error: \($0)") }
            throw ExitCode(AssessmentError.invalidScheme(problems))
        }
        let store = try database.open()
        guard try store.setAssessmentScheme(scheme, town: town, validFrom: validFrom) else {
            print("town \(town) already has this scheme; nothing changed")
            return
        }
        print("town \(town): assessment scheme '\(scheme.name)' set from \(file)")
    }
}
