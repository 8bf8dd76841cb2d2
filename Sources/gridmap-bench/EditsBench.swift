import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite

/// A planner's redraw in a village of `blockSize`² grids of a synthetic county of `grids` grids:
/// preview and commit latency (median and worst of `runs`), then the served index's rebuild and
/// swap after a commit, as `gridmap serve` does it.
struct EditsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edits")

    @Option(help: "Grids in the synthetic county.") var grids = 2_048
    @Option(help: "A village is blockSize × blockSize grids.") var blockSize = 8
    @Option(help: "Previews and commits timed.") var runs = 20

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-bench-edits-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try syntheticCountyStore(SyntheticGridLayer(count: grids), blockSize: blockSize, in: directory)
        let served = try ServedStateHolder(store: store)
        let resolver = served.resolver
        // A grid in the middle of a village in the middle of the county, grown by a third of a cell.
        let village = resolver.snapshot.villages.sorted { $0.unit.code < $1.unit.code }[resolver.snapshot.villages.count / 2]
        let layout = try store.townLayout(of: .village, village.unit.code)
        let codes = layout.gridCodes(inVillage: village.unit.code)
        let grid = codes[codes.count / 2 + blockSize / 2]
        let geos = GEOSContext()
        let original = layout.grids[grid]!.geometry
        let grown = try geos.geometry(original).buffer(0.005 / 3).intersection(try geos.geometry(village.geometry)).polygons()
        print("GridMap edits benchmark — \(resolver.grids.count) grids, village \(village.unit.code) of \(codes.count) grids, "
            + "redrawing \(grid)")

        let previews = try (0..<runs).map { _ in try measure { try store.previewEdit(.redrawGrid(code: grid, geometry: grown, giveTo: nil)) } }
        let changed = previews[0].value.plan.changes.count
        print("preview (plan, checks, consequences; \(changed) grids change): \(summary(previews.map(\.seconds)))")
        var commits: [Double] = [], rebuilds: [Double] = []
        for i in 0..<runs {
            let edit = BoundaryEdit.redrawGrid(code: grid, geometry: i % 2 == 0 ? grown : original, giveTo: nil)
            let author = EditAuthor(actor: AuditActor(name: "bench", role: .planner, origin: "bench"), reason: "benchmark \(i)")
            commits.append(try measure { try store.commitEdit(edit, by: author) }.seconds)
            rebuilds.append(try measure { try served.refresh() }.seconds)
        }
        print("commit (one transaction: versions, dependants, audit): \(summary(commits))")
        print("index rebuild after a commit (read \(resolver.grids.count) grids' boundaries, build the indexes): \(summary(rebuilds))")
        let swap = measure { for _ in 0..<1_000_000 { _ = served.resolver } }
        print("swap: the served resolver is replaced under a lock; reading it costs \(format(swap.seconds * 1_000)) ns")
    }

    private func summary(_ seconds: [Double]) -> String {
        let sorted = seconds.sorted()
        return "median \(format(sorted[sorted.count / 2] * 1000)) ms, worst \(format(sorted.last! * 1000)) ms over \(sorted.count) runs"
    }
}
