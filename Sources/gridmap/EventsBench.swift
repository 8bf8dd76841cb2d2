import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry
import GridMapStore

/// Bulk event import (locate + route + store, one transaction) in events/s, and `/v1/stats`
/// aggregation latency over all of them, on the sample towns.
struct EventsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events")

    @Option(help: "Events to generate and import.") var events = 1_000_000
    @Option(help: "Dataset directories to import first.") var dataset: [String] = ["geodata/dagangtou", "geodata/ganpu"]

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-bench-events-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try GridMapStore(path: directory.appendingPathComponent("bench.sqlite").path)
        for path in dataset { _ = try store.importDataset(at: URL(fileURLWithPath: path)) }
        let generated = measure { try! synthesize(store) }
        print("GridMap events benchmark: \(events) events in \(dataset.count) towns (generated in \(format(generated.seconds)) s)")

        let imported = try measure { try store.importEvents(generated.value, resolvers: HistoricalResolvers(store: store)) }
        print("bulk import (locate, route, store; one transaction): \(format(imported.seconds)) s, "
            + "\(Int(Double(events) / imported.seconds)) events/s")

        let loaded = try measure { try store.eventFactsTable() }
        print("stats table load (after any change): \(format(loaded.seconds * 1000)) ms")
        let now = Timestamp.epochSeconds("2026-01-01T00:00:00.000Z")!
        for dimension in StatsDimension.allCases {
            var best = Double.infinity
            for _ in 0..<5 {
                best = min(best, measure { loaded.value.stats(by: dimension, from: now - 365 * 86_400, to: now, now: now) }.seconds)
            }
            print("stats by \(dimension.rawValue) over the year: \(format(best * 1000)) ms")
        }
    }

    /// Random events inside the towns' grids through 2025, most of them closed.
    private func synthesize(_ store: GridMapStore) throws -> [HistoricalEvent] {
        let snapshot = try store.snapshot()
        let resolver = Resolver(snapshot)
        let extent = resolver.gridIndex.extent!
        let categories = snapshot.taxonomies.values.first!.categories.map(\.code)
        let sources = EventSource.allCases
        var random = SplitMix64(seed: 12)
        let start = Timestamp.epochSeconds("2025-01-01T00:00:00.000Z")!
        var result: [HistoricalEvent] = []
        result.reserveCapacity(events)
        while result.count < events {
            let p = Coordinate(extent.minX + random.unit() * extent.width, extent.minY + random.unit() * extent.height)
            guard resolver.gridIndex.lookup(p.x, p.y).first != nil else { continue }
            let reported = start + Int64(random.unit() * 364 * 86_400)
            let closed = random.unit() < 0.9 ? reported + Int64(random.unit() * 200 * 3600) : nil
            let text = { (t: Int64) in Timestamp.format(Date(timeIntervalSince1970: TimeInterval(t))) }
            result.append(HistoricalEvent(
                report: EventReport(category: categories[Int(random.unit() * Double(categories.count))], description: "bench",
                                    coordinate: p, crs: .wgs84, reportedAt: text(reported),
                                    source: sources[result.count % sources.count], reporter: "bench"),
                status: closed == nil ? .received : .resolved, closedAt: closed.map(text), position: "event \(result.count)"))
        }
        return result
    }
}
