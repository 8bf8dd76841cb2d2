import Foundation
@testable import GridMapCore
import GridMapGeometry
import Testing

/// The quartic kernel density raster: mass, values against a direct sum, parallel equality, errors.
@Suite struct KernelDensityTests {
    static let pointSets: [(name: String, points: [Coordinate])] = [
        ("uniform", DensityTestPoints.uniform(3_000, size: 8_000, seed: 1)),
        ("clustered", DensityTestPoints.clustered(3_000, clusters: 7, size: 8_000, seed: 2)),
        // Geocoded to the centres of 100 m blocks: where the sampled kernel alone misses most.
        ("snapped", DensityTestPoints.clustered(3_000, clusters: 7, size: 8_000, seed: 2).map {
            Coordinate(($0.x / 100).rounded(.down) * 100 + 50, ($0.y / 100).rounded(.down) * 100 + 50)
        }),
    ]

    @Test(arguments: [1.0, 1.3, 1.5, 2.5, 4, 10])
    func integratesToTheEventCountAndTheWeightSum(bandwidthInCells: Double) throws {
        let cellSize = 100.0, bandwidth = bandwidthInCells * cellSize
        for (name, points) in Self.pointSets {
            let raster = try KernelDensity.quartic(points: points, bandwidth: bandwidth, cellSize: cellSize)
            let sum = raster.values.reduce(0, +) * cellSize * cellSize / 1_000_000
            #expect(abs(sum - Double(points.count)) < 0.01 * Double(points.count), "\(name) h/cell=\(bandwidthInCells)")
            #expect(abs(raster.integral - Double(points.count)) < 1e-9 * Double(points.count))

            let weights = DensityTestPoints.weights(points.count, seed: 3)
            let weighted = try KernelDensity.quartic(points: points, weights: weights, bandwidth: bandwidth, cellSize: cellSize)
            let total = weights.reduce(0, +)
            #expect(abs(weighted.integral - total) < 0.01 * total, "\(name) weighted h/cell=\(bandwidthInCells)")
        }
    }

    /// Each sampled cell against Σ wᵢ·K(dᵢ)/Nᵢ, with Nᵢ = Σ K·cell² summed over a plain square
    /// of cells around point i (no footprint logic shared with the implementation).
    @Test(arguments: [1.5, 5.0])
    func valuesMatchADirectSumOfTheKernelOverAllPoints(bandwidthInCells: Double) throws {
        let cellSize = 50.0, h = bandwidthInCells * cellSize
        let points = DensityTestPoints.clustered(400, clusters: 3, size: 2_000, seed: 4)
        let weights = DensityTestPoints.weights(points.count, seed: 5)
        let raster = try KernelDensity.quartic(points: points, weights: weights, bandwidth: h, cellSize: cellSize)
        func kernel(_ a: Coordinate, _ b: Coordinate) -> Double {
            let d2 = (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
            return d2 < h * h ? 3 / (.pi * h * h) * (1 - d2 / (h * h)) * (1 - d2 / (h * h)) : 0
        }
        let normalisers = points.map { p in
            let column = Int(((p.x - raster.origin.x) / cellSize).rounded(.down))
            let row = Int(((p.y - raster.origin.y) / cellSize).rounded(.down))
            let reach = Int(bandwidthInCells) + 2
            var sum = 0.0
            for q in (row - reach)...(row + reach) {
                for c in (column - reach)...(column + reach) { sum += kernel(p, raster.centre(column: c, row: q)) }
            }
            return sum * cellSize * cellSize
        }
        // Sampled kernel sums miss 1 by up to several per cent at 1.5 cells, by little at 5 cells.
        let worstMiss = normalisers.map { abs($0 - 1) }.max() ?? 0
        #expect(bandwidthInCells < 2 ? worstMiss > 0.01 : worstMiss < 0.01)

        var random = SplitMix64(seed: 6)
        var samples = points.prefix(40).map { p in
            (Int(((p.x - raster.origin.x) / cellSize).rounded(.down)), Int(((p.y - raster.origin.y) / cellSize).rounded(.down)))
        }
        samples += (0..<200).map { _ in (Int(random.unit() * Double(raster.columns)), Int(random.unit() * Double(raster.rows))) }
        var nonZero = 0
        for (column, row) in samples {
            let centre = raster.centre(column: column, row: row)
            var expected = 0.0
            for (i, p) in points.enumerated() { expected += weights[i] * kernel(p, centre) / normalisers[i] }
            expected *= 1_000_000
            if expected > 0 { nonZero += 1 }
            #expect(abs(raster[column, row] - expected) <= 1e-9 * max(expected, 1), "cell \(column), \(row)")
        }
        #expect(nonZero >= 40)
    }

    /// Also with an extent that cuts through the points, so footprints leave every side.
    @Test(arguments: [nil, BoundingBox(minX: 40_502_000, minY: 3_102_500, maxX: 40_507_000, maxY: 3_106_000)])
    func resultDoesNotDependOnTheNumberOfCores(extent: BoundingBox?) throws {
        let points = DensityTestPoints.clustered(20_000, clusters: 9, size: 10_000, seed: 7)
        let weights = DensityTestPoints.weights(points.count, seed: 8)
        let one = try KernelDensity.quartic(points: points, weights: weights, bandwidth: 330, cellSize: 50,
                                            extent: extent, parallelism: 1)
        #expect(one.integral > 0.1 * weights.reduce(0, +))
        for cores in [2, 3, 8] {
            let many = try KernelDensity.quartic(points: points, weights: weights, bandwidth: 330, cellSize: 50,
                                                 extent: extent, parallelism: cores)
            #expect(many == one, "\(cores) cores")
        }
    }

    @Test func interleavedValuesGiveTheSameRasterAsCoordinates() throws {
        let points = DensityTestPoints.uniform(500, size: 3_000, seed: 9)
        let interleaved = points.flatMap { [$0.x, $0.y] }
        #expect(try KernelDensity.quartic(interleaved: interleaved, bandwidth: 250, cellSize: 50)
            == KernelDensity.quartic(points: points, bandwidth: 250, cellSize: 50))
    }

    @Test func defaultExtentIsThePointsBoxGrownByTheBandwidthOnAlignedCells() throws {
        let points = [Coordinate(1_030, 2_070), Coordinate(4_010, 2_990)]
        let raster = try KernelDensity.quartic(points: points, bandwidth: 500, cellSize: 100)
        #expect(raster.origin == Coordinate(500, 1_500))
        #expect(raster.columns == 41 && raster.rows == 20)  // x 500…4_600 covers 530…4_510, y 1_500…3_500
        #expect(raster.values.count == raster.columns * raster.rows)
    }

    /// A given extent holds only the weight inside it: nothing of a point whose footprint misses
    /// it, and exactly half of a point on its edge (the footprint is symmetric about the cell edge).
    @Test func givenExtentHoldsOnlyTheWeightInsideIt() throws {
        let extent = BoundingBox(minX: 10_000, minY: 10_000, maxX: 14_000, maxY: 14_000)
        let inside = Coordinate(12_000, 12_000), far = Coordinate(30_000, 12_000), onEdge = Coordinate(10_000, 12_025)
        let raster = try KernelDensity.quartic(points: [inside, far, onEdge], bandwidth: 400, cellSize: 50, extent: extent)
        #expect(raster.origin == Coordinate(10_000, 10_000))
        #expect(abs(raster.integral - 1.5) < 1e-9)
    }

    @Test func noPointsGiveAnEmptyRasterAndNoBands() throws {
        let raster = try KernelDensity.quartic(points: [], bandwidth: 500, cellSize: 100)
        #expect(raster.columns == 0 && raster.rows == 0 && raster.values.isEmpty)
        #expect(try raster.isobands(levels: 5).isEmpty)
    }

    @Test func badInputIsRejectedWithTheProblemNamed() {
        let one = [Coordinate(0, 0)]
        #expect(throws: DensityError.invalidCellSize(0)) { try KernelDensity.quartic(points: one, bandwidth: 500, cellSize: 0) }
        #expect(throws: DensityError.invalidCellSize(.infinity)) {
            try KernelDensity.quartic(points: one, bandwidth: 500, cellSize: .infinity)
        }
        #expect(throws: DensityError.bandwidthOutOfRange(bandwidth: 50, cellSize: 100)) {
            try KernelDensity.quartic(points: one, bandwidth: 50, cellSize: 100)
        }
        #expect(throws: DensityError.bandwidthOutOfRange(bandwidth: 60_000, cellSize: 100)) {
            try KernelDensity.quartic(points: one, bandwidth: 60_000, cellSize: 100)
        }
        #expect(throws: DensityError.oddCoordinateCount(3)) {
            try KernelDensity.quartic(interleaved: [1, 2, 3], bandwidth: 500, cellSize: 100)
        }
        #expect(throws: DensityError.nonFiniteCoordinate(index: 1)) {
            try KernelDensity.quartic(points: [Coordinate(0, 0), Coordinate(.nan, 0)], bandwidth: 500, cellSize: 100)
        }
        #expect(throws: DensityError.weightCountMismatch(points: 1, weights: 2)) {
            try KernelDensity.quartic(points: one, weights: [1, 1], bandwidth: 500, cellSize: 100)
        }
        #expect(throws: DensityError.invalidWeight(index: 0, value: -1)) {
            try KernelDensity.quartic(points: one, weights: [-1], bandwidth: 500, cellSize: 100)
        }
        let inverted = BoundingBox(minX: 1, minY: 0, maxX: 0, maxY: 1)
        #expect(throws: DensityError.invalidExtent(inverted)) {
            try KernelDensity.quartic(points: one, bandwidth: 500, cellSize: 100, extent: inverted)
        }
        #expect(throws: DensityError.rasterTooLarge(cells: 1e10, limit: KernelDensity.maximumCellCount)) {
            try KernelDensity.quartic(points: [Coordinate(0, 0), Coordinate(99_999, 99_999)], bandwidth: 1, cellSize: 1,
                                      extent: BoundingBox(minX: 0, minY: 0, maxX: 99_999, maxY: 99_999))
        }
        let description = DensityError.bandwidthOutOfRange(bandwidth: 50, cellSize: 100).description
        #expect(description.contains("bandwidth") && description.contains("50"))
    }
}
