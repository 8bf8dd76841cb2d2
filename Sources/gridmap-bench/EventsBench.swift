import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite

/// Bulk event import (locate + route + store, one transaction) in events/s, `/v1/stats`
/// aggregation latency over all of them, and density aggregation (grids, 200 m hexagons) in
/// memory against SpatiaLite SQL, on the sample towns.
struct EventsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events")

    @Option(help: "Events to generate and import.") var events = 1_000_000
    @Option(help: "Dataset directories to import first.") var dataset: [String] = ["geodata/dagangtou", "geodata/ganpu"]
    @Option(help: "Keep the database here (for scripts/bench-events-http.sh).") var keepDb: String?
    @Option(help: "Instead of the datasets, a synthetic town of this many grids (SyntheticDataset) with the first dataset's platform model (for scripts/bench-density.sh: 85000).")
    var syntheticGrids: Int?

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-bench-events-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = keepDb ?? directory.appendingPathComponent("bench.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try SpatiaLiteStore(path: path)
        for path in try datasets(in: directory) { _ = try store.importDataset(at: path) }
        let generated = measure { try! synthesize(store) }
        print("GridMap events benchmark: \(events) events in \(syntheticGrids == nil ? dataset.count : 1) towns (generated in \(format(generated.seconds)) s)")

        let imported = try measure { try store.importEvents(generated.value, resolvers: HistoricalResolvers(store: store)) }
        print("bulk import (locate, route, store; one transaction): \(format(imported.seconds)) s, "
            + "\(Int(Double(events) / imported.seconds)) events/s")

        let loaded = try measure { try store.eventFactsTable() }
        print("stats table load (after any change): \(format(loaded.seconds * 1000)) ms")
        let now = Instant(parsing: "2026-01-01T00:00:00.000Z")!, yearBefore = now.adding(hours: -365 * 24)
        for dimension in StatsDimension.allCases {
            var best = Double.infinity
            for _ in 0..<5 {
                best = min(best, measure { loaded.value.stats(by: dimension, from: yearBefore, to: now, now: now) }.seconds)
            }
            print("stats by \(dimension.rawValue) over the year: \(format(best * 1000)) ms")
        }
        try density(loaded.value, store: store, from: yearBefore, to: now)
        try SupervisionBench.run(store, now: now, from: yearBefore)
    }

    /// The dataset directories to import: the given ones, or a synthetic one written to `directory`.
    private func datasets(in directory: URL) throws -> [URL] {
        guard let syntheticGrids else { return dataset.map { URL(fileURLWithPath: $0) } }
        let synthetic = directory.appendingPathComponent("synthetic")
        try SyntheticDataset.write(SyntheticGridLayer(count: syntheticGrids), to: synthetic)
        // Valid before the generated year of events, so each is located and routed when it was reported.
        try Data(#"{"name": "synthetic", "valid_from": "2020-01-01T00:00:00Z"}"#.utf8).write(to: synthetic.appendingPathComponent("dataset.json"))
        // The model without the routes that name the sample's own villages and grids.
        let model = try Data(contentsOf: URL(fileURLWithPath: dataset[0]).appendingPathComponent("platforms.json"))
        guard var platforms = try JSONSerialization.jsonObject(with: model) as? [String: Any],
              let routes = platforms["routes"] as? [[String: Any]] else { throw ValidationError("\(dataset[0]): no platforms.json routes") }
        platforms["routes"] = routes.filter { $0["villages"] == nil && $0["grids"] == nil }
        try JSONSerialization.data(withJSONObject: platforms).write(to: synthetic.appendingPathComponent("platforms.json"))
        return [synthetic]
    }

    /// The year's events aggregated to grids and to 200 m hexagons, in memory (best of 5, filter
    /// included) and by SpatiaLite SQL, which must agree.
    private func density(_ table: EventFactsTable, store: SpatiaLiteStore, from: Instant, to: Instant) throws {
        let filter = EventFilter(from: from, to: to)
        let (fromText, toText) = (from.iso, to.iso)
        let hexes = BinGrid(shape: .hex, size: 200)
        var gridBest = Double.infinity, hexBest = Double.infinity
        var gridCounts: [Int] = [], hexCounts: [BinCell: Int] = [:]
        for _ in 0..<5 {
            let grids = measure { table.counts(by: .grid, rows: table.rows(matching: filter)) }
            let bins = measure { table.binCounts(hexes, rows: table.rows(matching: filter)) }
            (gridBest, hexBest) = (min(gridBest, grids.seconds), min(hexBest, bins.seconds))
            (gridCounts, hexCounts) = (grids.value, bins.value)
        }
        let gridSQL = try measure { try SQLReference(store).gridCounts(from: fromText, to: toText) }
        // SQL transforms ~500 points/s (see SQLReference.hexCounts): a sample of the first events, checked
        // against the in-memory bins of the same events.
        let zone = GaussKrugerZone(longitude: 120), sample: Int64 = 2_000
        let hexSQL = try measure { try SQLReference(store).hexCounts(hexes, zone: zone, from: fromText, to: toText, maxID: sample) }
        let sampleRows = table.rows(matching: filter).filter { table.ids[Int($0)] <= sample }
        let gridsAgree = gridSQL.value == Dictionary(uniqueKeysWithValues: zip(table.keys[.grid] ?? [], gridCounts).filter { $0.1 > 0 })
        let hexesAgree = hexSQL.value == table.binCounts(hexes, rows: sampleRows).filter { $0.key.zone == zone }
        print("density by grid, in memory: \(format(gridBest * 1000)) ms; SpatiaLite SQL: \(format(gridSQL.seconds * 1000)) ms; "
            + (gridsAgree ? "counts agree" : "COUNTS DIFFER"))
        print("density in 200 m hexagons (\(hexCounts.count) bins), in memory: \(format(hexBest * 1000)) ms; SpatiaLite SQL "
            + "(ST_Transform): \(format(hexSQL.seconds * 1000)) ms for \(sampleRows.count) events, "
            + "\(format(hexSQL.seconds / Double(max(1, sampleRows.count)) * Double(table.count))) s at this rate for all; "
            + (hexesAgree ? "counts agree" : "COUNTS DIFFER"))
    }

    /// Random events inside the towns' grids through 2025, most of them closed.
    private func synthesize(_ store: SpatiaLiteStore) throws -> [HistoricalEvent] {
        let snapshot = try store.snapshot()
        let resolver = Resolver(snapshot)
        let extent = resolver.gridIndex.extent!
        let categories = snapshot.taxonomies.values.first!.categories.map(\.code)
        let sources = EventSource.allCases
        var random = SplitMix64(seed: 12)
        let start = Instant(parsing: "2025-01-01T00:00:00.000Z")!.milliseconds / 1000
        var result: [HistoricalEvent] = []
        result.reserveCapacity(events)
        while result.count < events {
            let p = Coordinate(extent.minX + random.unit() * extent.width, extent.minY + random.unit() * extent.height)
            guard resolver.gridIndex.lookup(p.x, p.y).first != nil else { continue }
            let reported = start + Int64(random.unit() * 364 * 86_400)
            let closed = random.unit() < 0.9 ? reported + Int64(random.unit() * 200 * 3600) : nil
            let instant = { (seconds: Int64) in Instant(milliseconds: seconds * 1000) }
            result.append(HistoricalEvent(
                report: EventReport(category: categories[Int(random.unit() * Double(categories.count))], description: "bench",
                                    coordinate: p, crs: .wgs84, reportedAt: instant(reported),
                                    source: sources[result.count % sources.count], reporter: "bench"),
                status: closed == nil ? .received : .resolved, closedAt: closed.map(instant), position: "event \(result.count)"))
        }
        return result
    }
}
