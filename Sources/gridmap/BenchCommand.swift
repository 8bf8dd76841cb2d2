import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry
import GridMapStore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (build with -c release).", subcommands: [ResolveBench.self, EventsBench.self, PatrolsBench.self, EditsBench.self, JenksBench.self])
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
    @Option(help: "Also write a POST /v1/resolve body with this many points here.") var bodyOut: String?
    @Option(help: "Points in that body.") var bodyPoints = 1_000_000

    func run() throws {
        print("GridMap resolve benchmark — \(System.coreCount) cores")
        let layer = SyntheticGridLayer(count: grids)
        let vertices = layer.polygons.map(\.vertexCount)
        print("county layer: \(layer.polygons.count) grids, \(vertices.min()!)–\(vertices.max()!) vertices "
            + "(mean \(vertices.reduce(0, +) / vertices.count)), shared edges, no gaps")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try SyntheticDataset.write(layer, to: directory.appendingPathComponent("dataset"))
        let dbPath = keepDb ?? directory.appendingPathComponent("bench.sqlite").path
        try? FileManager.default.removeItem(atPath: dbPath)
        let store = try GridMapStore(path: dbPath)
        let imported = try measure { try store.importDataset(at: directory.appendingPathComponent("dataset")) }
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
        let sql = try measure { try store.gridsCoveringBySQL(sqlSample) }
        let mismatches = zip(sql.value, sqlSample).filter { codes, p in
            codes.first != resolver.gridIndex.lookup(p.x, p.y).first.map { resolver.grids[$0].code }
        }.count
        print("")
        print("| path | points | points/s |")
        print("|---|---:|---:|")
        print("| index, 1 core | \(points) | \(rate(points, single.seconds)) |")
        print("| index, \(System.coreCount) cores | \(points) | \(rate(points, parallel.seconds)) |")
        print("| SpatiaLite SQL (SpatialIndex R*Tree + ST_Covers) | \(sqlSample.count) | \(rate(sqlSample.count, sql.seconds)) |")
        print("")
        print("index vs SQL on the SQL sample: \(mismatches) disagreements; \(single.value.filter { $0.grid >= 0 }.count) of \(points) points covered")

        if let bodyOut { try writeBody(to: bodyOut, extent: extent) }
        if provinceGrids > 0 { provinceScale() }
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
    }

    private func writeBody(to path: String, extent: BoundingBox) throws {
        var random = SplitMix64(seed: 9)
        var text = "{\"crs\":\"wgs84\",\"points\":["
        text.reserveCapacity(bodyPoints * 40)
        for i in 0..<bodyPoints {
            if i > 0 { text += "," }
            let x = extent.minX + random.unit() * extent.width, y = extent.minY + random.unit() * extent.height
            text += "[\(String(format: "%.7f", x)),\(String(format: "%.7f", y))]"
        }
        text += "]}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        print("wrote \(bodyPoints) points to \(path)")
    }
}

func measure<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// The fastest of `runs` runs (the first also warms caches and page tables).
private func best<T>(of runs: Int, _ body: () -> T) -> (value: T, seconds: Double) {
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
func syntheticCountyStore(_ layer: SyntheticGridLayer, blockSize: Int = 4, in directory: URL) throws -> GridMapStore {
    let dataset = directory.appendingPathComponent("dataset")
    try SyntheticDataset.write(layer, to: dataset, blockSize: blockSize)
    let store = try GridMapStore(path: directory.appendingPathComponent("bench.sqlite").path)
    _ = try store.importDataset(at: dataset, options: ImportOptions(validFrom: "2020-01-01T00:00:00.000Z"))
    return store
}

/// Resident set size from /proc/self/statm.
private func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}
