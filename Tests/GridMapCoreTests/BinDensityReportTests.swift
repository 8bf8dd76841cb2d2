import GridMapCore
import GridMapGeometry
import Testing

/// Bins of the facts table: laid out in metres, outlined in degrees, and refused beyond the limit.
@Suite struct BinDensityReportTests {
    /// `count` events 25 m apart along one line in zone 40 (120°E), all on 2026-03-01.
    func table(_ count: Int) -> EventFactsTable {
        var table = EventFactsTable()
        let zone = GaussKrugerZone(longitude: 120), reported = Instant(parsing: "2026-03-01T00:00:00.000Z")!
        for i in 0..<count {
            table.set(EventFact(id: Int64(i + 1), reported: reported, closed: nil, deadline: nil, status: .received, keys: [:],
                                point: Coordinate(120, 30), planar: Coordinate(500_000 + Double(i) * 25, 3_300_000), zone: zone))
        }
        return table
    }

    let filter = EventFilter(from: Instant(parsing: "2026-02-01T00:00:00.000Z")!, to: Instant(parsing: "2026-04-01T00:00:00.000Z")!)

    @Test func eachEventInItsOwnSquareIsABinOfOne() throws {
        let report = try BinDensityReport(table(3), filter: filter, grid: BinGrid(shape: .square, size: 10))
        #expect(report.bins.map(\.count) == [1, 1, 1] && Set(report.bins.map(\.id)).count == 3)
        #expect(abs(report.binKm2 - 0.0001) < 1e-12)
        // 10 m squares near 120°E, 29.8°N: about 1e-4° of longitude and 9e-5° of latitude each.
        let box = try #require(BoundingBox(report.bins[0].outline.exterior))
        #expect(abs(box.maxX - box.minX - 1.03e-4) < 3e-6 && abs(box.maxY - box.minY - 9.0e-5) < 3e-6)
    }

    @Test func moreBinsThanOneAnswerHoldsIsRefusedNamingThem() {
        let over = BinDensityReport.maxBins + 1
        #expect(throws: DensityError.tooManyBins(over, limit: BinDensityReport.maxBins)) {
            try BinDensityReport(table(over), filter: filter, grid: BinGrid(shape: .square, size: 10))
        }
        #expect(DensityError.tooManyBins(over, limit: 200_000).errorCode == "too_many_bins")
    }
}
