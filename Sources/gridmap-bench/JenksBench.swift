import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry

/// Jenks natural breaks of grid densities at county, multi-county and province scale, side by
/// side with PyPI `jenkspy` (the textbook O(k·n²) Fisher–Jenks in C) on the very same values, which
/// must give the same breaks or an equally good (same within-class deviation) set; plus the
/// choropleth classing `GET /v1/density/grids` does per request over a province layer.
struct JenksBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jenks")

    @Option(parsing: .upToNextOption, help: "Numbers of grids.") var grids: [Int] = [2_000, 20_000, 85_000]
    @Option(help: "Classes.") var classes = 5
    @Option(help: "Python with jenkspy (scripts/install-packages.sh makes it).") var python = ".build-oracles/venv/bin/python"
    @Option(help: "Largest layer jenkspy is run on (it is quadratic: 85,000 grids take about a minute).") var peerMax = 85_000

    func run() throws {
        print("GridMap Jenks benchmark — \(classes) classes; values: events per km² of synthetic grids (a third without events)")
        print("")
        print("| grids | distinct values | GridMap (exact) | jenkspy 0.4.1 (exact, C) | same breaks |")
        print("|---:|---:|---:|---:|---|")
        for n in grids {
            let values = Self.densities(n, seed: UInt64(n))
            let ours = fastest { ClassBreaks(values, classes: classes, method: .jenks) }
            var peer = "not run (--peer-max)", same = "–"
            if n <= peerMax {
                let (seconds, bounds) = try jenkspy(values)
                peer = "\(format(seconds * 1000)) ms"
                same = bounds == ours.value.upperBounds ? "identical"
                    : abs(deviation(values, bounds) - deviation(values, ours.value.upperBounds)) <= 1e-9 * deviation(values, bounds)
                    ? "equal cost" : "DIFFERENT: \(bounds) vs \(ours.value.upperBounds)"
            }
            print("| \(n) | \(Set(values).count) | \(format(ours.seconds * 1000)) ms | \(peer) | \(same) |")
        }
        try choropleth(grids.max() ?? 85_000)
    }

    /// Per grid: an area of 0.2–5 km² and a count of events, most grids few, some many, a third none.
    static func densities(_ n: Int, seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        return (0..<n).map { _ in
            let area = 0.2 * exp(random.unit() * log(25.0))
            let count = random.unit() < 0.33 ? 0 : (exp(random.unit() * random.unit() * 8)).rounded(.down)
            return count / area
        }
    }

    /// What `/v1/density/grids` computes per request over `n` grids of a province layer: each
    /// grid's events per km² (areas are computed once per boundary revision, timed apart), the
    /// breaks, and each grid's class.
    private func choropleth(_ n: Int) throws {
        let layer = SyntheticGridLayer(count: n)
        let areas = try measure {
            try MetricProjectionPool.shared.withProjections { projections in try layer.polygons.map { try projections.area($0) / 1e6 } }
        }
        var random = SplitMix64(seed: 7)
        let counts = (0..<layer.polygons.count).map { _ in random.unit() < 0.33 ? 0 : Int(exp(random.unit() * random.unit() * 8)) }
        let classed = fastest {
            let perKm2 = zip(counts, areas.value).map { $1 > 0 ? Double($0) / $1 : 0 }
            let breaks = ClassBreaks(perKm2, classes: classes, method: .jenks)
            return perKm2.map(breaks.classOf).reduce(0, +)
        }
        print("")
        print("choropleth over \(layer.polygons.count) grids (per request: per km², Jenks breaks, each grid's class): "
            + "\(format(classed.seconds * 1000)) ms; areas on Gauss-Krüger (once per boundary revision): \(format(areas.seconds * 1000)) ms")
    }

    /// jenkspy's breaks of `values` and its time (best of 3, one run above 20,000 values; in the
    /// interpreter: start-up and reading excluded); values go both ways as shortest round-tripping decimals.
    private func jenkspy(_ values: [Double]) throws -> (Double, [Double]) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-jenks-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try values.map { "\($0)" }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import sys, time, jenkspy
        values = [float(v) for v in open(sys.argv[1])]
        best = None
        for _ in range(int(sys.argv[3])):
            start = time.perf_counter()
            breaks = jenkspy.jenks_breaks(values, n_classes=int(sys.argv[2]))
            best = min(best or 1e9, time.perf_counter() - start)
        print(best, *[repr(float(b)) for b in breaks[1:]])
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, file.path, "\(classes)", values.count > 20_000 ? "1" : "3"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard process.terminationStatus == 0, fields.count == classes + 1 else {
            throw ValidationError("\(python) with jenkspy failed (run scripts/install-packages.sh)")
        }
        return (fields[0], Array(fields.dropFirst()))
    }

    /// Squared deviation within the classes `bounds` put `values` in.
    private func deviation(_ values: [Double], _ bounds: [Double]) -> Double {
        var sums = [(n: Double, sum: Double, squares: Double)](repeating: (0, 0, 0), count: bounds.count)
        for value in values {
            let i = bounds.firstIndex { value <= $0 } ?? bounds.count - 1
            sums[i] = (sums[i].n + 1, sums[i].sum + value, sums[i].squares + value * value)
        }
        return sums.reduce(0) { $0 + ($1.n > 0 ? $1.squares - $1.sum * $1.sum / $1.n : 0) }
    }

    /// The fastest of 5 runs.
    private func fastest<T>(_ body: () -> T) -> (value: T, seconds: Double) {
        (0..<5).map { _ in measure(body) }.min { $0.seconds < $1.seconds }!
    }
}
