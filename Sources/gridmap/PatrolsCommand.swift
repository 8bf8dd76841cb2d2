import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry

struct PatrolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrols", abstract: "Grid members' GPS tracks.",
        subcommands: [PatrolsImportCommand.self, PatrolsSimulateCommand.self, PatrolsFrequencyCommand.self, PatrolsRebuildCommand.self])
}

/// Cleaning settings on the command line (defaults: ``TrackCleaning``'s).
struct CleaningOptions: ParsableArguments {
    @Option(help: "Drop fixes whose accuracy is worse than this many metres.") var maxAccuracy = 50.0
    @Option(help: "Fastest plausible speed on foot, km/h.") var maxSpeedKmh = 30.0
    @Option(help: "Split tracks on gaps longer than this many minutes.") var maxGapMin = 10.0
    @Option(help: "A stop: staying within this many metres …") var dwellRadius = 25.0
    @Option(help: "… for at least this many minutes.") var minDwellMin = 5.0

    var cleaning: TrackCleaning {
        var cleaning = TrackCleaning()
        cleaning.maxAccuracy = maxAccuracy
        cleaning.maxSpeed = maxSpeedKmh / 3.6
        cleaning.maxGap = Int64(maxGapMin * 60_000)
        cleaning.dwellRadius = dwellRadius
        cleaning.minDwell = Int64(minDwellMin * 60_000)
        return cleaning
    }
}

/// `gridmap patrols import FILE`: fixes stored, tracks cleaned, coverage of the changed days computed.
struct PatrolsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a GPX, GeoJSON, CSV or NDJSON file of patrol fixes in one transaction; any bad record stops it and nothing is stored.",
        discussion: "CSV header: member,time,lon,lat[,accuracy,crs]; NDJSON: one object per line with those keys.")

    @Argument(help: "The file.") var file: String
    @OptionGroup var database: DatabaseOption
    @Option(help: "gpx, geojson, csv or ndjson (default: from the extension, else the content).") var format: PatrolFileFormat?
    @Option(help: "The member, for files that do not name one (GPX).") var member: String?
    @Option(help: "Coordinate system of fixes that do not name theirs: wgs84, cgcs2000, gcj02, bd09.") var crs = CoordinateSystem.wgs84
    @Option(help: "Buffer radius of the coverage computed for the changed days, metres.") var radius = 30.0
    @OptionGroup var cleaning: CleaningOptions
    @OptionGroup var text: TextInputOptions

    func run() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let format = format ?? PatrolFileFormat(fileExtension: URL(fileURLWithPath: file).pathExtension) ?? PatrolFileFormat.sniff(data)
        let contents: PatrolFileContents
        do {
            contents = try PatrolFile.read(data, format: format, options: PatrolParseOptions(member: member, crs: crs, encoding: text.encoding,
                                                                                    zone: text.timezone))
        } catch {
            throw PatrolImport.refusal(error, file: file)
        }
        let used = format ?? .csv
        // Only CSV and NDJSON times may lack a zone, and only CSV may be in another encoding.
        let reading = [.csv, .ndjson].contains(used) ? contents.encoding.map(text.report) : nil
        try PatrolImport.run(contents.fixes, source: file, format: used, cleaning: cleaning.cleaning, radius: radius, database: database,
                             reading: reading)
    }
}

/// The import step shared by `patrols import` and `patrols simulate`.
enum PatrolImport {
    /// Prints a refused file's error and gives its exit code.
    static func refusal(_ error: PatrolParseError, file: String) -> ExitCode {
        printError("\(file): \(error.code.rawValue): \(error.detail); nothing was stored")
        return ExitCode(error)
    }

    /// Prints how the file was read (`reading`), what was stored, and the cleaning report; a
    /// refused fix (swapped coordinates) is a CLI error like a parse error.
    static func run(_ fixes: [PatrolFix], source: String, format: PatrolFileFormat, cleaning: TrackCleaning, radius: Double,
                    database: DatabaseOption, reading: String? = nil) throws {
        let options = CoverageOptions(radius: try WorkLimits.radius(radius))
        let store = try database.open()
        let resolvers = try HistoricalResolvers(store: store)
        let start = Date()
        let ingest: PatrolIngest
        do {
            ingest = try WorkLimits.bounded {
                try store.importPatrols(fixes, source: source, format: format.rawValue, cleaning: cleaning, options: options, resolvers: resolvers)
            }
        } catch let error as PatrolParseError {
            throw refusal(error, file: source)
        }
        if let reading { print("\(source): \(reading)") }
        let r = ingest.report
        print("\(ingest.fixes) fixes of \(ingest.members) members → \(database.path) (batch \(ingest.batch)) in "
            + String(format: "%.1f s", Date().timeIntervalSince(start)))
        print("  days: \(ingest.days.first.map(\.description) ?? "-") … \(ingest.days.last.map(\.description) ?? "-") (\(ingest.days.count)), coverage computed at \(radius) m")
        print("  cleaning: kept \(r.kept) of \(r.received); dropped \(r.droppedAccuracy) for accuracy, \(r.droppedDuplicate) duplicate times, "
            + "\(r.droppedSpeed) spikes; split at \(r.speedSplits) jumps and \(r.gapSplits) gaps; \(r.segments) segments, \(r.stops) stops")
    }
}

/// `gridmap patrols frequency CODE daily|weekly|monthly|none`.
struct PatrolsFrequencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frequency",
        abstract: "Set how often a town's, village's or grid's grids must be patrolled (the most specific unit wins; default daily).")

    @Argument(help: "Town, village or grid code.") var unit: String
    @Argument(help: "daily, weekly, monthly, or none to clear.") var frequency: String
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let value: PatrolFrequency?
        if frequency == "none" { value = nil } else {
            guard let parsed = PatrolFrequency(rawValue: frequency) else { throw ValidationError("frequency must be daily, weekly, monthly or none") }
            value = parsed
        }
        guard try database.open().setPatrolFrequency(value, unit: unit) else {
            printError("no town, village or grid has the code '\(unit)'")
            throw ExitCode(2)
        }
        print("\(unit): \(frequency)")
    }
}

/// `gridmap patrols rebuild`: tracks re-derived from the raw fixes.
struct PatrolsRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Re-clean every stored member-day from its raw fixes (coverage is recomputed when next asked for).")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var cleaning: CleaningOptions

    func run() throws {
        let r = try database.open().rebuildPatrolTracks(cleaning: cleaning.cleaning)
        print("rebuilt: kept \(r.kept) of \(r.received) fixes; \(r.segments) segments, \(r.stops) stops")
    }
}

extension PatrolFileFormat: ExpressibleByArgument {}
