import ArgumentParser
import Foundation
import GridMapCore
import GridMapSheets

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Reports leaders read.",
                                                    subcommands: [ReportMonthlyCommand.self])
}

/// `gridmap report monthly --town CODE --month 2025-11 -o FILE.xlsx|FILE.html`: the town's 月报,
/// as `GET /v1/reports/monthly` gives it (the database's holder sees names).
struct ReportMonthlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly", abstract: "A town's monthly report (月报): a workbook (.xlsx) or a printable page (.html), by the output's extension.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "The town's 12-digit code.") var town: String
    @Option(help: "The month, YYYY-MM (Beijing days).") var month: String
    @Option(name: .shortAndLong, help: "Output file: .xlsx or .html.") var output: String

    func run() throws {
        guard month.count == 7, !month.contains("Q"), let period = AssessmentPeriod(month) else {
            throw ValidationError("--month must be a month, YYYY-MM (e.g. 2025-11)")
        }
        let xlsx = output.hasSuffix(".xlsx")
        guard xlsx || output.hasSuffix(".html") else { throw ValidationError("--output must end in .xlsx or .html") }
        let store = try database.open()
        let snapshot = try store.snapshot()
        guard let unit = snapshot.assessedTown(town) else { throw AssessmentError.unknownTown(town) }
        let report = try store.monthlyReport(town: unit, month: period,
                                             facts: try store.eventFactsTable(), snapshot: snapshot, resolvers: HistoricalResolvers(store: store))
        let sheets = report.sheets(maskNames: false)
        if xlsx {
            try XLSXWorkbook.write(sheets, to: output)
        } else {
            try Data(report.html(maskNames: false).utf8).write(to: URL(fileURLWithPath: output))
        }
        print("\(report.title) → \(output): \(report.received) events, \(sheets.count) sheets")
    }
}
