import ArgumentParser
import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite

/// One day of a county's patrols: `members` grid members walking `hours` with a fix every 10 s
/// over a synthetic county of `grids` grids. Times storing and cleaning the fixes, computing every
/// grid's coverage, assembling the day's report with blind spots, and the same coverage by
/// SpatiaLite SQL (ST_Transform, ST_Buffer, ST_Union, ST_Intersection), whose areas are compared.
struct PatrolsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patrols")

    @Option(help: "Grids in the synthetic county.") var grids = 2_000
    @Option(help: "Grid members patrolling, each in a different grid.") var members = 600
    @Option(help: "Hours each member patrols.") var hours = 8.0
    @Option(help: "Grids (the first by code) computed through SpatiaLite SQL too; 0: none.") var sqlGrids = 200

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-bench-patrols-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try syntheticCountyStore(SyntheticGridLayer(count: grids), in: directory)
        let resolvers = try HistoricalResolvers(store: store)
        let day = PatrolDay("2025-11-03")!
        let resolver = try resolvers.resolver(at: Instant(milliseconds: day.start))
        let simulator = PatrolSimulator(grids: resolver.gridGeometries)
        var random = SplitMix64(seed: 7)
        let patrolled = Array(resolver.grids.indices.shuffled(using: &random).prefix(members))
        let generated = measure {
            Parallel.map(Array(patrolled.enumerated())) { k, grid in
                simulator.patrol(member: "member-\(k)", grid: grid, start: day.start + 8 * 3_600_000 + 1_800_000, hours: hours, seed: UInt64(k))
            }.flatMap { $0 }
        }
        let fixes = generated.value
        print("GridMap patrols benchmark — \(Parallel.cores) cores: \(grids) grids, \(patrolled.count) members × \(format(hours)) h, "
            + "\(fixes.count) fixes (generated in \(format(generated.seconds)) s)")

        let csv = directory.appendingPathComponent("fixes.csv")
        try PatrolCSVWriter.data(fixes).write(to: csv)
        let data = try Data(contentsOf: csv)
        let parsed = try measure { try PatrolFile.parse(data, format: .csv, options: PatrolParseOptions(member: nil, crs: .wgs84)) }
        print("parse CSV (\(data.count / 1_048_576) MB): \(format(parsed.seconds)) s, \(Int(Double(fixes.count) / parsed.seconds)) fixes/s")
        let ingest = try measure { try store.ingestPatrols(parsed.value, source: "bench", format: "csv", cleaning: TrackCleaning()) }
        let r = ingest.value.report
        print("store + clean (one transaction): \(format(ingest.seconds)) s, \(Int(Double(fixes.count) / ingest.seconds)) fixes/s; "
            + "kept \(r.kept), dropped \(r.droppedAccuracy) accuracy / \(r.droppedDuplicate) duplicate / \(r.droppedSpeed) spikes, "
            + "\(r.segments) segments, \(r.stops) stops")

        let options = CoverageOptions()
        let computed = try measure { try store.updateCoverage(days: day...day, options: options, resolvers: resolvers) }
        let stored = try store.gridDays(day...day, radius: options.radius)
        print("coverage of every grid for the day (read tracks, compute, store): \(format(computed.seconds)) s "
            + "[target ≤ 10 s]; \(stored.count) grids touched")
        let report = try measure {
            try store.coverageReport(period: day...day, scope: CoverageScope(), options: options, frequency: nil,
                                     withGaps: true, resolvers: resolvers)
        }
        print("report of all \(report.value.count) grids with blind spots (stored day): \(format(report.seconds)) s")

        guard sqlGrids > 0 else { return }
        let sql = try measure { try SQLReference(store).coverageAreas(day: day, radius: options.radius, zone: GaussKrugerZone(longitude: 119.5), maxGrids: sqlGrids) }
        let ours = Dictionary(uniqueKeysWithValues: stored.map { ($0.grid, $0.coveredArea) })
        var largest = 0.0, largestAbsolute = 0.0, oursTotal = 0.0, sqlTotal = 0.0
        for (code, area) in sql.value {
            let mine = ours[code] ?? 0
            oursTotal += mine; sqlTotal += area
            largestAbsolute = max(largestAbsolute, abs(mine - area))
            if area >= 1000 { largest = max(largest, abs(mine - area) / area) }
        }
        print("SpatiaLite SQL (ST_Transform, ST_Buffer, ST_Union, ST_Intersection), the first \(sqlGrids) grids: \(format(sql.seconds)) s "
            + "(\(sql.value.count) covered); covered area \(Int(oursTotal)) vs \(Int(sqlTotal)) m² "
            + "(\(String(format: "%+.3f", (oursTotal - sqlTotal) / sqlTotal * 100)) %), largest difference per grid "
            + "\(String(format: "%.2f", largest * 100)) % (grids covered ≥ 1,000 m²), \(Int(largestAbsolute)) m²")
    }
}
