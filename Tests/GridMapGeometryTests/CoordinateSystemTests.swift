import Testing
@testable import GridMapGeometry

@Suite struct CoordinateSystemTests {
    /// Every inverse, fed the forward transform's output, returns the original within 0.5 m
    /// (in practice within a millimetre), across the whole of Zhejiang.
    @Test(arguments: [CoordinateSystem.gcj02, .bd09])
    func inverseUndoesForwardAcrossZhejiang(crs: CoordinateSystem) {
        var worst = 0.0
        for i in 0...60 {
            for j in 0...60 {
                let wgs = Coordinate(118.0 + Double(i) * 0.07, 27.0 + Double(j) * 0.07)
                let back = crs.toWGS84(crs.fromWGS84(wgs))
                worst = max(worst, LocalMetric(latitude: wgs.y).distance(wgs, back))
            }
        }
        #expect(worst < 0.5)
        #expect(worst < 0.01, "the fixed-point inverse converges far below the required 0.5 m")
    }

    @Test func offsetsAreHundredsOfMetresInZhejiang() {
        let wgs = Coordinate(119.72, 28.27)
        let gcj = CoordinateSystem.gcj02.fromWGS84(wgs)
        let offset = LocalMetric(latitude: wgs.y).distance(wgs, gcj)
        #expect(offset > 200 && offset < 800)
        #expect(CoordinateSystem.cgcs2000.toWGS84(wgs) == wgs)
    }

    @Test(arguments: [CoordinateSystem.gcj02, .bd09])
    func pointsOutsideChinaAreNotShifted(crs: CoordinateSystem) {
        let paris = Coordinate(2.35, 48.85)
        #expect(crs.toWGS84(paris) == paris)
        #expect(crs.fromWGS84(paris) == paris)
    }

    @Test func swappedCoordinatesAreNamed() {
        #expect(CoordinateProblem(Coordinate(28.27, 119.72)) == .latitudeOutOfRange(119.72, looksSwapped: true))
        #expect(CoordinateProblem(Coordinate(28.27, 119.72))?.description.contains("swapped") == true)
        #expect(CoordinateProblem(Coordinate(120, 100)) == .latitudeOutOfRange(100, looksSwapped: false))
        #expect(CoordinateProblem(Coordinate(.nan, 28))?.description.contains("finite") == true)
        #expect(CoordinateProblem(Coordinate(200, 28)) == .longitudeOutOfRange(200))
        #expect(CoordinateProblem(Coordinate(119.72, 28.27)) == nil)
    }
}
