@testable import GridMapCore
import GridMapGeometry
import Testing

/// The bound on a coverage raster, checked before it is allocated.
@Suite struct CoverageLimitsTests {
    /// A 6 × 4 km grid box, a little larger than the largest sample grid's.
    let box = BoundingBox(minX: 500_000, minY: 3_100_000, maxX: 506_000, maxY: 3_104_000)

    @Test func aRasterOverTheCapIsRefusedNamingTheGridItsNeedAndTheSmallestRadiusThatFits() throws {
        // Cells of r/15 plus one beyond each side, counted here independently of the raster.
        let cells = { (radius: Double) in ((6_000 / (radius / 15)).rounded(.up) + 2) * ((4_000 / (radius / 15)).rounded(.up) + 2) }
        #expect(CoverageRaster.cellCount(box: box, radius: 1) == cells(1))
        #expect(cells(1) > 2e9)
        let error = try #require(throws: WorkLimitExceeded.self) { try CoverageRaster.check(box: box, radius: 1, grid: "331102102001") }
        #expect(error.limit == CoverageRaster.maximumCellCount && error.needed == cells(1))
        #expect(error.description == "coverage at radius 1.0 m of grid 331102102001 (6.0 × 4.0 km) needs 5400.4 million raster cells, "
                + "over the limit of 16000000; use a radius of at least 19 m")
        // The radius it advises fits; 10 m, the floor, does not over this box.
        #expect(cells(19) <= Double(CoverageRaster.maximumCellCount))
        try CoverageRaster.check(box: box, radius: 19, grid: "331102102001")
        #expect(throws: WorkLimitExceeded.self) { try CoverageRaster.check(box: box, radius: CoverageOptions.radiusRange.lowerBound, grid: "g") }
        // The default fits a grid box of 57 km².
        try CoverageRaster.check(box: BoundingBox(minX: 0, minY: 0, maxX: 7_500, maxY: 7_500), radius: 30, grid: "g")
    }
}
