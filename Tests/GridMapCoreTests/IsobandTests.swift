import Foundation
@testable import GridMapCore
import GridMapGeometry
import Testing

/// Isobands against known geometry and GEOS: discs, components, holes, validity, nesting.
@Suite struct IsobandTests {
    /// One point: the band at t is the disc of radius h·√(1 − √(t/K₀)), K₀ the peak density.
    @Test func singlePointGivesDiscsOfTheKernelsRadius() throws {
        let geos = GEOSContext()
        let point = Coordinate(40_500_123.4, 3_100_456.7), h = 1_000.0
        let raster = try KernelDensity.quartic(points: [point], bandwidth: h, cellSize: 25)
        let peak = 3 / (.pi * h * h) * 1_000_000
        #expect(abs(raster.maximum - peak) < 0.01 * peak)
        let bands = try raster.isobands(levels: 5)
        #expect(bands.map(\.threshold) == (1...5).map { raster.maximum * Double($0) / 6 })
        for band in bands {
            let radius = h * (1 - (band.threshold / peak).squareRoot()).squareRoot()
            let disc = try geos.geometry(band.geometry)
            #expect(disc.invalidityReason == nil)
            #expect(abs(disc.area - .pi * radius * radius) < 0.02 * .pi * radius * radius, "t=\(band.threshold)")
            #expect(band.geometry.polygons.count == 1 && band.geometry.polygons[0].holes.isEmpty)
            let box = try #require(band.geometry.boundingBox)
            #expect(abs((box.minX + box.maxX) / 2 - point.x) < 5 && abs((box.minY + box.maxY) / 2 - point.y) < 5)
            #expect(abs(box.width / 2 - radius) < 0.02 * radius)
        }
    }

    @Test func farApartPointsGiveTwoComponentsOfEqualArea() throws {
        let geos = GEOSContext()
        let a = Coordinate(40_500_000, 3_100_000), b = Coordinate(40_505_000, 3_101_000)
        let raster = try KernelDensity.quartic(points: [a, b], bandwidth: 800, cellSize: 40)
        for band in try raster.isobands(levels: 4) {
            let parts = band.geometry.polygons
            #expect(parts.count == 2)
            let areas = try parts.map { try geos.geometry(MultiPolygon([$0])).area }
            #expect(abs(areas[0] - areas[1]) < 0.02 * areas[0])
            #expect(parts.contains { MultiPolygon([$0]).covers(a) } && parts.contains { MultiPolygon([$0]).covers(b) })
        }
    }

    /// Events on a ring around an empty square: the low bands are annuli, the middle a hole.
    @Test func ringOfEventsGivesBandsWithAHole() throws {
        let geos = GEOSContext()
        let centre = Coordinate(40_500_000, 3_100_000)
        let points = (0..<240).map { k in
            let angle = 2 * Double.pi * Double(k) / 240
            return Coordinate(centre.x + 3_000 * cos(angle), centre.y + 3_000 * sin(angle))
        }
        let raster = try KernelDensity.quartic(points: points, bandwidth: 800, cellSize: 50)
        let bands = try raster.isobands(levels: 3)
        for band in bands {
            #expect(band.geometry.polygons.count == 1)
            #expect(band.geometry.polygons.first?.holes.count == 1)
            #expect(!band.geometry.covers(centre))
            #expect(band.geometry.covers(points[0]))
            #expect(try geos.geometry(band.geometry).invalidityReason == nil)
        }
    }

    @Test(arguments: [(400.0, 50.0), (150, 100), (1_000, 40)])
    func bandsOfClusteredEventsAreValidAndNested(bandwidth: Double, cellSize: Double) throws {
        let geos = GEOSContext()
        let points = DensityTestPoints.clustered(5_000, clusters: 12, size: 12_000, seed: 11)
        let raster = try KernelDensity.quartic(points: points, bandwidth: bandwidth, cellSize: cellSize)
        let bands = try raster.isobands(levels: 8)
        #expect(bands.count == 8)
        let geometries = try bands.map { try geos.geometry($0.geometry) }
        for (band, geometry) in zip(bands, geometries) {
            #expect(geometry.invalidityReason == nil, "t=\(band.threshold)")
            #expect(!geometry.isEmpty)
        }
        for i in 1..<bands.count {
            #expect(geometries[i - 1].covers(geometries[i]), "band \(i - 1) covers band \(i)")
            #expect(try geometries[i].difference(geometries[i - 1]).area < 1e-6 * geometries[i].area)
        }
        #expect(bands.contains { $0.geometry.polygons.count > 1 }, "clusters make separate components")
    }

    /// Every cell centre lies inside the band exactly when its value reaches the threshold, also
    /// for thresholds equal to cell values (crossings kept off the centres).
    @Test func bandsHoldExactlyTheCellsAtOrAboveTheThreshold() throws {
        let geos = GEOSContext()
        let points = DensityTestPoints.clustered(2_000, clusters: 5, size: 4_000, seed: 12)
        let raster = try KernelDensity.quartic(points: points, bandwidth: 300, cellSize: 50)
        var random = SplitMix64(seed: 13)
        let exact = (0..<3).map { _ in raster.values.filter { $0 > 0 }.randomElement(using: &random)! }
        let bands = try raster.isobands(thresholds: exact + [raster.maximum / 3, raster.maximum])
        #expect(bands.map(\.threshold) == (exact + [raster.maximum / 3, raster.maximum]).sorted())
        for band in bands {
            #expect(try geos.geometry(band.geometry).invalidityReason == nil, "t=\(band.threshold)")
            for _ in 0..<300 {
                let column = Int(random.unit() * Double(raster.columns)), row = Int(random.unit() * Double(raster.rows))
                let location = band.geometry.locate(raster.centre(column: column, row: row))
                #expect(location == (raster[column, row] >= band.threshold ? .interior : .exterior))
            }
        }
    }

    /// A checkerboard makes every square a saddle: joined at a threshold at or below the square's
    /// centre value (one polygon with diamond holes), separate above it (diamonds).
    @Test func saddlesFollowTheSquaresCentreValue() throws {
        let geos = GEOSContext()
        let size = 9
        let values = (0..<(size * size)).map { ($0 / size + $0 % size) % 2 == 0 ? 1.0 : 0.0 }
        let raster = DensityRaster(origin: Coordinate(40_500_000, 3_100_000), cellSize: 10, columns: size, rows: size, values: values)
        let bands = try raster.isobands(thresholds: [0.5, 1])
        let joined = bands[0].geometry, separate = bands[1].geometry
        #expect(joined.polygons.count == 1 && joined.polygons[0].holes.count == (size - 2) * (size - 2) / 2)
        #expect(separate.polygons.count == (size * size + 1) / 2 && separate.polygons.allSatisfy(\.holes.isEmpty))
        for band in bands { #expect(try geos.geometry(band.geometry).invalidityReason == nil) }
        #expect(try geos.geometry(joined).covers(geos.geometry(separate)))
    }

    @Test func badLevelsAndThresholdsAreRejected() throws {
        let raster = try KernelDensity.quartic(points: [Coordinate(0, 0)], bandwidth: 100, cellSize: 10)
        #expect(throws: DensityError.invalidLevelCount(0)) { try raster.isobands(levels: 0) }
        #expect(throws: DensityError.invalidThreshold(0)) { try raster.isobands(thresholds: [1, 0]) }
        #expect(throws: DensityError.invalidThreshold(-2)) { try raster.isobands(thresholds: [-2]) }
        #expect(try raster.isobands(thresholds: [2 * raster.maximum]) == [Isoband(threshold: 2 * raster.maximum, geometry: MultiPolygon([]))])
    }
}
