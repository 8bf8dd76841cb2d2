import ArgumentParser
import Foundation
import GridMapCore
import GridMapJSON

/// `gridmap coverage`: how well each grid was patrolled over a period.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Patrol coverage of grids over Beijing days [--from, --to): CSV (default) or GeoJSON, or the blind spots (--gaps).")

    enum Format: String, ExpressibleByArgument { case csv, geojson }

    @OptionGroup var database: DatabaseOption
    @Option(help: "First day (YYYY-MM-DD, Beijing) or time (ISO 8601).") var from: String
    @Option(help: "End, exclusive: a day (YYYY-MM-DD, Beijing) or time (ISO 8601).") var to: String
    @Option(help: "Only this town's grids.") var town: String?
    @Option(help: "Only this village's grids.") var village: String?
    @Option(help: "Only this grid.") var grid: String?
    @Option(help: "Buffer radius around tracks, metres.") var radius = 30.0
    @Option(help: "A visit ends after this many minutes with nobody inside.") var visitGapMin = 10.0
    @Option(help: "Required frequency for every grid (daily, weekly, monthly); default: as set per unit, else daily.") var frequency: String?
    @Option(help: "csv or geojson.") var format = Format.csv
    @Flag(help: "The blind spots instead of the grids.") var gaps = false
    @Option(help: "With --gaps: leave out blind spots smaller than this many m².") var minArea = 0.0
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?
    @Flag(help: "Start the CSV with a UTF-8 byte order mark, so that Excel reads its Chinese names.") var bom = false

    func run() throws {
        guard let days = PatrolDay.range(from: from, to: to) else {
            throw ValidationError("--from and --to must be ISO 8601 dates (Beijing days) or times with --from before --to")
        }
        let (first, last) = (days.lowerBound, days.upperBound)
        let required = try frequency.map { text in
            guard let value = PatrolFrequency(rawValue: text) else { throw ValidationError("--frequency must be daily, weekly or monthly") }
            return value
        }
        let store = try database.open()
        let scope = CoverageScope(town: town, village: village, grid: grid)
        if let unknown = scope.unknownUnit(in: try store.snapshot()) {
            printError("no \(unknown.level.rawValue) has the code '\(unknown.code)'")
            throw ExitCode(2)
        }
        let options = CoverageOptions(radius: try WorkLimits.radius(radius), visitGap: Int64(visitGapMin * 60_000))
        let rows = try WorkLimits.bounded {
            try store.coverageReport(period: first...last, scope: scope, options: options, frequency: required, withGaps: gaps,
                                     resolvers: HistoricalResolvers(store: store))
        }
        let now = Instant.now()
        let data: Data
        switch (format, gaps) {
        case (.geojson, false): data = Data(buffer: CoverageGeoJSON.grids(rows, period: first...last, radius: radius, now: now, viewer: .owner))
        case (.geojson, true): data = Data(buffer: CoverageGeoJSON.gaps(rows, period: first...last, radius: radius, minArea: minArea))
        case (.csv, false): data = Data((bom ? CSVField.byteOrderMark : []) + Self.gridsCSV(rows))
        case (.csv, true): data = Data((bom ? CSVField.byteOrderMark : []) + Self.gapsCSV(rows, minArea: minArea))
        }
        if let output { try data.write(to: URL(fileURLWithPath: output)) } else { FileHandle.standardOutput.write(data) }
    }

    static func gridsCSV(_ rows: [GridCoverageRow]) -> [UInt8] {
        var out: [UInt8] = []
        CSVField.appendRow(["grid_code", "grid_name", "village_code", "town_code", "area_m2", "covered_pct", "length_m", "dwell_min",
                            "stops", "visits", "last_visit", "members", "frequency", "required", "met", "compliant"], to: &out)
        for row in rows {
            let c = row.coverage
            CSVField.appendRow(
                [row.grid.code, row.grid.name, row.village?.code ?? "", row.town?.code ?? "", String(format: "%.1f", c.area),
                 String(format: "%.2f", c.coveredFraction * 100), String(format: "%.1f", c.length), String(format: "%.1f", c.dwellSeconds / 60),
                 "\(c.stops)", "\(c.visits.count)", row.lastVisit.map(Timestamp.format(milliseconds:)) ?? "", c.members.joined(separator: " "),
                 c.compliance.frequency.rawValue, "\(c.compliance.required)", "\(c.compliance.met)", "\(c.compliance.compliant)"],
                to: &out)
        }
        return out
    }

    static func gapsCSV(_ rows: [GridCoverageRow], minArea: Double) -> [UInt8] {
        var out: [UInt8] = []
        CSVField.appendRow(["grid_code", "rank", "area_m2", "grid_covered_pct"], to: &out)
        for row in rows {
            for (rank, gap) in row.gaps.enumerated() where gap.area >= minArea {
                CSVField.appendRow([row.grid.code, "\(rank + 1)", String(format: "%.1f", gap.area),
                                    String(format: "%.2f", row.coverage.coveredFraction * 100)], to: &out)
            }
        }
        return out
    }
}
