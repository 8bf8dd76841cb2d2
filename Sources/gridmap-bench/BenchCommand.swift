import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite

/// `gridmap-bench`: the benchmarks, a binary of their own so the shipped `gridmap` carries none.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridmap-bench", abstract: "GridMap's benchmarks (build with -c release).", subcommands: [ResolveBench.self, EventsBench.self, PatrolsBench.self, EditsBench.self, JenksBench.self])
}

/// Points per second of the in-memory index (one core, all cores) and of SpatiaLite SQL
/// (R*Tree + ST_Covers) on the same synthetic county, plus index build time and memory for a
/// province-scale layer.
struct ResolveBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve")

    @Option(help: "Grids in the county-scale layer.") var grids = 2_000
    @Option(help: "Points resolved through the index.") var points = 4_000_000
    @Option(help: "Points resolved through SpatiaLite SQL (slow).") var sqlPoints = 20_000
    @Option(help: "Grids in the province-scale layer (0 to skip).") var provinceGrids = 85_000
    @Option(help: "Index cells per polygon vertex (memory/speed trade-off).") var cellsPerVertex = 2.0
    @Option(help: "Keep the county-scale SpatiaLite database here (for scripts/bench-http.sh).") var keepDb: String?
    @Option(help: "Points outside every grid resolved one by one (the nearest-grid search).") var outsidePoints = 100_000
    @Option(help: "Keep the synthetic dataset (GeoJSON) here, for the peers in scripts/peers/.") var keepDataset: String?
    @Option(help: "Write the bench inputs here: POST /v1/resolve bodies (points.json inside the grids' extent, mixed.json over a box three times its area, points.geojson as a FeatureCollection), points.csv for `gridmap resolve`, outside.csv (the outside points).") var inputsOut: String?
    @Option(help: "Points in each of those inputs.") var inputPoints = 1_000_000

    func run() throws {
        print("GridMap resolve benchmark — \(Parallel.cores) cores")
        let layer = SyntheticGridLayer(count: grids)
        let vertices = layer.polygons.map(\.vertexCount)
        print("county layer: \(layer.polygons.count) grids, \(vertices.min()!)–\(vertices.max()!) vertices "
            + "(mean \(vertices.reduce(0, +) / vertices.count)), shared edges, no gaps")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = keepDataset.map { URL(fileURLWithPath: $0) } ?? directory.appendingPathComponent("dataset")
        try SyntheticDataset.write(layer, to: dataset)
        let dbPath = keepDb ?? directory.appendingPathComponent("bench.sqlite").path
        try? FileManager.default.removeItem(atPath: dbPath)
        let store = try SpatiaLiteStore(path: dbPath)
        let imported = try measure { try store.importDataset(at: dataset) }
        print("import into SpatiaLite (validation + one transaction): \(format(imported.seconds)) s")
        let snapshot = try store.snapshot()
        let built = measure { Resolver(snapshot, cellsPerVertex: cellsPerVertex) }
        let resolver = built.value
        print("index build: \(format(built.seconds * 1000)) ms, \(resolver.gridIndex.memoryBytes / 1_048_576) MiB, "
            + "\(resolver.gridIndex.columns)×\(resolver.gridIndex.rows) cells")

        let extent = resolver.gridIndex.extent!
        print("extent: \(extent.minX) \(extent.minY) \(extent.maxX) \(extent.maxY)")
        var random = SplitMix64(seed: 1)
        var values = [Double](repeating: 0, count: 2 * points)
        for i in 0..<points {
            values[2 * i] = extent.minX + random.unit() * extent.width
            values[2 * i + 1] = extent.minY + random.unit() * extent.height
        }
        let single = best(of: 3) { resolver.resolveCompact(interleaved: values, parallelism: 1) }
        let parallel = best(of: 3) { resolver.resolveCompact(interleaved: values) }
        let sqlSample = (0..<min(sqlPoints, points)).map { Coordinate(values[2 * $0], values[2 * $0 + 1]) }
        let sql = try measure { try SQLReference(store).gridsCovering(sqlSample) }
        let mismatches = zip(sql.value, sqlSample).filter { codes, p in
            codes.first != resolver.gridIndex.lookup(p.x, p.y).first.map { resolver.grids[$0].code }
        }.count
        print("")
        print("| path | points | points/s |")
        print("|---|---:|---:|")
        print("| index, 1 core | \(points) | \(rate(points, single.seconds)) |")
        print("| index, \(Parallel.cores) cores | \(points) | \(rate(points, parallel.seconds)) |")
        print("| SpatiaLite SQL (SpatialIndex R*Tree + ST_Covers) | \(sqlSample.count) | \(rate(sqlSample.count, sql.seconds)) |")
        print("")
        print("index vs SQL on the SQL sample: \(mismatches) disagreements; \(single.value.filter { $0.grid >= 0 }.count) of \(points) points covered")

        nearest(resolver, extent: extent)
        if let inputsOut { try ResolveBenchInputs(extent: extent, count: inputPoints).write(to: URL(fileURLWithPath: inputsOut), resolver: resolver) }
        if provinceGrids > 0 { provinceScale() }
    }

    /// Points outside every grid, resolved one at a time on one core (covering lookup, nearest
    /// grid, village and town), as `POST /v1/resolve` does for each of them.
    private func nearest(_ resolver: Resolver, extent: BoundingBox) {
        guard outsidePoints > 0 else { return }
        let points = ResolveBenchInputs.outside(outsidePoints, extent: extent, resolver: resolver)
        let run = best(of: 3) { points.reduce(0.0) { $0 + (resolver.resolve($1).nearest?.meters ?? 0) } }
        let search = best(of: 3) { points.reduce(0.0) { $0 + (resolver.nearestGrids.nearest($1.x, $1.y)?.meters ?? 0) } }
        let perPoint = { (seconds: Double) in format(seconds / Double(points.count) * 1e6) }
        print("")
        print("\(points.count) points outside every grid (a box of 3× the grids' extent, mean distance "
            + "\(Int(run.value / Double(points.count))) m), 1 core: resolved in \(perPoint(run.seconds)) µs a point, "
            + "of which the nearest-grid search \(perPoint(search.seconds)) µs")
    }

    private func provinceScale() {
        let generated = measure { SyntheticGridLayer(count: provinceGrids) }
        let before = residentBytes()
        let built = measure { PolygonIndex(generated.value.polygons, cellsPerVertex: cellsPerVertex) }
        let after = residentBytes()
        let vertexCount = generated.value.polygons.reduce(0) { $0 + $1.vertexCount }
        print("")
        print("province layer: \(generated.value.polygons.count) grids, \(vertexCount) vertices (generated in \(format(generated.seconds)) s)")
        print("province index build: \(format(built.seconds)) s, index \(built.value.memoryBytes / 1_048_576) MiB, "
            + "resident memory +\((after - before) / 1_048_576) MiB, \(built.value.columns)×\(built.value.rows) cells")
        let zone = GaussKrugerZone(longitude: built.value.extent.map { ($0.minX + $0.maxX) / 2 } ?? 120)
        let nearest = measure { NearestPolygonIndex(generated.value.polygons, zone: zone) }
        print("province nearest-grid index build: \(format(nearest.seconds)) s, resident memory +\((residentBytes() - after) / 1_048_576) MiB")
    }
}

func measure<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// The fastest of `runs` runs (the first also warms caches and page tables).
func best<T>(of runs: Int, _ body: () -> T) -> (value: T, seconds: Double) {
    var fastest = measure(body)
    for _ in 1..<runs {
        let run = measure(body)
        if run.seconds < fastest.seconds { fastest = run }
    }
    return fastest
}

private func rate(_ count: Int, _ seconds: Double) -> String {
    let r = Double(count) / seconds
    return r >= 1e6 ? String(format: "%.2f M", r / 1e6) : String(format: "%.1f k", r / 1e3)
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

/// A synthetic county (``SyntheticDataset``, villages of `blockSize`² grids) imported through the
/// real import path into a new store in `directory`, valid from 2020.
func syntheticCountyStore(_ layer: SyntheticGridLayer, blockSize: Int = 4, in directory: URL) throws -> SpatiaLiteStore {
    let dataset = directory.appendingPathComponent("dataset")
    try SyntheticDataset.write(layer, to: dataset, blockSize: blockSize)
    let store = try SpatiaLiteStore(path: directory.appendingPathComponent("bench.sqlite").path)
    _ = try store.importDataset(at: dataset, options: ImportOptions(validFrom: Instant(parsing: "2020-01-01T00:00:00.000Z")))
    return store
}

/// Resident set size from /proc/self/statm.
private func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}
