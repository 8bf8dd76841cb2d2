import ArgumentParser
import Foundation
import GridMapCore
import GridMapJSON
import GridMapSheets

/// `gridmap assess --town CODE --period 2025-Q4 --subject grid [--format json|csv|xlsx]`: the town's
/// subjects scored by its scheme, as `GET /v1/assessments` answers (the database's holder sees names).
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "考核: score a town's grids, members, villages, platforms or offices over a year, quarter or month.")

    enum Format: String, ExpressibleByArgument { case json, csv, xlsx }

    @OptionGroup var database: DatabaseOption
    @Option(help: "The town's 12-digit code.") var town: String
    @Option(help: "A year (2025), a quarter (2025-Q4) or a month (2025-11), of Beijing days.") var period: String
    @Option(help: "grid, member, village, platform or office.") var subject = AssessmentSubject.grid
    @Option(help: "json; csv (with a UTF-8 byte order mark, for Excel and WPS); xlsx (needs --output).") var format = Format.json
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func run() throws {
        guard let period = AssessmentPeriod(period) else { throw AssessmentError.invalidPeriod(period) }
        let store = try database.open()
        guard try store.snapshot().assessedTown(town) != nil else { throw AssessmentError.unknownTown(town) }
        let now = Instant.now()
        let result = try store.assess(town: town, period: period, subject: subject, resolvers: HistoricalResolvers(store: store), asOf: now)
        let data: Data
        switch format {
        case .json:
            var json = JSONWriter(capacity: 4096 + result.subjects.count * 2048)
            json.assessment(result, town: town, asOf: now, masked: false)
            data = Data(buffer: json.buffer) + Data("\n".utf8)
        case .csv: data = Data(SheetTable(assessment: result, maskNames: false).csv)
        case .xlsx:
            guard output != nil else { throw ValidationError("--format xlsx needs --output FILE (a workbook is not for a terminal)") }
            data = try XLSXWorkbook.data(SheetTable.workbook(of: result, masked: false))
        }
        if let output { try data.write(to: URL(fileURLWithPath: output)) } else { FileHandle.standardOutput.write(data) }
    }
}

extension AssessmentSubject: ExpressibleByArgument {}
