import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry

/// `gridmap patrols simulate`: a month (or any run of days) of realistic patrols by a dataset's
/// grid members, with some grids neglected, imported (or written as CSV).
struct PatrolsSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate patrols by each grid's member (网格员) of a dataset and import them (or write them as CSV).",
        discussion: "Deterministic for a seed, some grids neglected; one fix every 10 s in GCJ-02 as phones report (see geodata/README.md).")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Imported dataset whose grids are patrolled.") var dataset: String
    @Option(help: "First day (YYYY-MM-DD, Beijing).") var from = "2025-11-01"
    @Option(help: "Number of days.") var days = 30
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Write the fixes as CSV here instead of importing them.") var out: String?

    func run() throws {
        guard let first = PatrolDay(from) else { throw ValidationError("--from must be YYYY-MM-DD") }
        let store = try database.open()
        guard let towns = try store.townCodes(dataset: dataset) else { throw ValidationError("no imported dataset named '\(dataset)'") }
        let resolver = Resolver(try store.snapshot())
        let positions = resolver.grids.indices.filter { resolver.town(ofGrid: $0).map { towns.contains($0.code) } ?? false }
        let members = Dictionary(resolver.snapshot.people.filter { $0.role == .gridMember && $0.post == .a }.map { ($0.unitCode, $0.phone) },
                                 uniquingKeysWith: { a, _ in a })
        let simulator = PatrolSimulator(grids: resolver.gridGeometries)
        let plan = PatrolPlan.days(days, from: first, members: positions.map { ($0, members[resolver.grids[$0].code] ?? "member-\(resolver.grids[$0].code)") },
                                   seed: seed)
        let fixes = Parallel.map(plan) { simulator.patrol(member: $0.member, grid: $0.grid, start: $0.start, hours: $0.hours, seed: $0.seed) }
            .flatMap { $0 }
        print("simulated \(plan.count) patrols of \(positions.count) grids, \(fixes.count) fixes")
        if let out {
            try PatrolCSVWriter.data(fixes).write(to: URL(fileURLWithPath: out))
            print("written to \(out)")
        } else {
            try PatrolImport.run(fixes, source: "simulate \(dataset) seed \(seed)", format: .csv, cleaning: TrackCleaning(),
                                 radius: 30, database: database)
        }
    }
}
