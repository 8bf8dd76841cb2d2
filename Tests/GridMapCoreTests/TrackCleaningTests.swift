import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

@Suite struct TrackCleaningTests {
    let plane: MetricPlane
    let day = PatrolDay("2025-11-03")!
    var start: Int64 { day.start + 8 * 3_600_000 }

    init() throws { plane = try MetricPlane() }

    func fix(_ x: Double, _ y: Double, at seconds: Int64, accuracy: Double? = nil) -> PatrolFix {
        PatrolFix(member: "m", milliseconds: start + seconds * 1000, position: plane.wgs84(x, y), crs: .wgs84, accuracy: accuracy)
    }

    @Test func badAccuracyAndDuplicateTimesAreDropped() {
        let fixes = [fix(0, 0, at: 0), fix(10, 0, at: 10, accuracy: 80), fix(14, 0, at: 10, accuracy: 5), fix(15, 0, at: 10), fix(28, 0, at: 20)]
        let cleaned = TrackCleaning().clean(member: "m", day: day, fixes: fixes.shuffled())
        #expect(cleaned.report.droppedAccuracy == 1 && cleaned.report.droppedDuplicate == 1)
        #expect(cleaned.report.kept == 3 && cleaned.segments.count == 1)
        #expect(cleaned.segments[0].points.map(\.milliseconds) == [0, 10, 20].map { start + $0 * 1000 })
    }

    @Test func aSpikeIsDroppedAndAJumpSplitsTheTrack() {
        // 14 m / 10 s walking; one fix 500 m off; later a 2 km ride in 60 s, then walking on.
        let walk = (0..<15).map { fix(Double($0) * 14, 0, at: Int64($0) * 10) }
        let spike = [fix(60, 500, at: 95)]
        let ride = (0..<5).map { fix(2000 + Double($0) * 14, 0, at: 210 + Int64($0) * 10) }
        let cleaned = TrackCleaning().clean(member: "m", day: day, fixes: walk + spike + ride)
        #expect(cleaned.report.droppedSpeed == 1)
        #expect(cleaned.report.speedSplits == 1)
        #expect(cleaned.segments.map(\.points.count) == [15, 5])
    }

    @Test func aLongGapSplitsTheTrack() {
        let fixes = [fix(0, 0, at: 0), fix(14, 0, at: 10), fix(20, 0, at: 10 + 11 * 60), fix(30, 0, at: 20 + 11 * 60)]
        let cleaned = TrackCleaning().clean(member: "m", day: day, fixes: fixes)
        #expect(cleaned.report.gapSplits == 1 && cleaned.segments.count == 2)
    }

    @Test func aStopIsFoundWithItsDuration() {
        let walkIn = (0..<5).map { fix(Double($0) * 14, 0, at: Int64($0) * 10) }
        let wait = (1...40).map { fix(56 + Double($0 % 3), Double($0 % 2), at: 40 + Int64($0) * 10) }
        let walkOut = (1...5).map { fix(57 + Double($0) * 14, 0, at: 440 + Int64($0) * 10) }
        let cleaned = TrackCleaning().clean(member: "m", day: day, fixes: walkIn + wait + walkOut)
        let stop = try! #require(cleaned.stops.first)
        #expect(cleaned.stops.count == 1)
        #expect(stop.seconds >= 400 && stop.seconds <= 420)
        let centre = plane.projection.forward(stop.centre)
        #expect(abs(centre.x - plane.origin.x - 57) < 3 && abs(centre.y - plane.origin.y) < 3)
    }

    @Test func gcj02FixesAreConvertedToWGS84() {
        let truth = plane.wgs84(100, 100)
        let fixes = [PatrolFix(member: "m", milliseconds: start, position: CoordinateSystem.gcj02.fromWGS84(truth), crs: .gcj02)]
        let point = TrackCleaning().clean(member: "m", day: day, fixes: fixes).segments[0].points[0].coordinate
        #expect(LocalMetric(latitude: truth.y).distance(point, truth) < 0.5)
    }
}
