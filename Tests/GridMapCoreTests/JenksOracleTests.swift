import Foundation
import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// Jenks breaks against PyPI `jenkspy` (Fisher's O(k·n²) algorithm in C, in the venv that
/// `scripts/install-packages.sh` makes) on uniform and skewed values with many repeats.
@Suite struct JenksOracleTests {
    private static let python = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build-oracles/venv/bin/python").standardized.path

    /// Values like grid densities: most small, a long tail, rounded so that many repeat (and a
    /// third of them 0, the grids without events); or spread uniformly.
    private static func values(_ n: Int, skewed: Bool, seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        return (0..<n).map { _ in
            guard skewed else { return random.unit() * 1000 }
            let u = random.unit()
            return u < 0.33 ? 0 : (exp(random.unit() * 6) / 4).rounded()
        }
    }

    /// The squared deviation within the classes `bounds` put `values` in (as `classOf` does).
    private static func deviation(_ values: [Double], _ bounds: [Double]) -> Double {
        var groups = [[Double]](repeating: [], count: bounds.count)
        for value in values { groups[bounds.firstIndex { value <= $0 } ?? bounds.count - 1].append(value) }
        return groups.filter { !$0.isEmpty }.reduce(0) { total, group in
            let mean = group.reduce(0, +) / Double(group.count)
            return total + group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        }
    }

    @Test func breaksAreJenkspysOrAsGoodToTheLastDigit() throws {
        var cases: [(values: [Double], classes: Int)] = []
        for (i, n) in [10, 37, 200, 1_000, 5_000].enumerated() {
            for classes in [2, 3, 5, 7, 9] {
                for skewed in [false, true] {
                    let values = Self.values(n, skewed: skewed, seed: UInt64(100 * i + 10 * classes + (skewed ? 1 : 0)))
                    // jenkspy refuses more classes than distinct values (we answer fewer classes).
                    if Set(values).count >= classes { cases.append((values, classes)) }
                }
            }
        }
        // Values go both ways as shortest round-tripping decimals (Swift's and Python's repr), so
        // both sides classify the very same doubles.
        let input = try Fixtures.scratchDirectory().appendingPathComponent("jenks-cases.txt")
        try cases.map { "\($0.classes) " + $0.values.map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n")
            .write(to: input, atomically: true, encoding: .utf8)
        let script = """
        import sys, jenkspy
        for line in open(sys.argv[1]):
            k, *values = line.split()
            print(" ".join(repr(float(b)) for b in jenkspy.jenks_breaks([float(v) for v in values], n_classes=int(k))))
        """
        let output = try ExternalTool.run(Self.python, ["-c", script, input.path])
        let peer = String(decoding: output, as: UTF8.self).split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
        try #require(peer.count == cases.count && cases.count >= 45)
        var identical = 0
        for ((values, classes), theirs) in zip(cases, peer) {
            let ours = ClassBreaks(values, classes: classes, method: .jenks).upperBounds
            // jenkspy answers [min, b1, …, b(k-1), max]; its b(i) is the largest value of class i.
            let bounds = Array(theirs.dropFirst())
            if ours == bounds { identical += 1; continue }
            let (mine, peers) = (Self.deviation(values, ours), Self.deviation(values, bounds))
            #expect(mine <= peers * (1 + 1e-9) + 1e-9, "n=\(values.count) k=\(classes): ours \(ours) (\(mine)), jenkspy \(bounds) (\(peers))")
        }
        // Ties of total cost are rare on these values: nearly every answer is jenkspy's to the bit.
        #expect(identical >= cases.count * 9 / 10, "\(identical) of \(cases.count) identical")
    }
}
