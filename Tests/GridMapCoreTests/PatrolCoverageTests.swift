import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// Coverage of known geometry: squares and straight walks drawn in Gauss-Krüger metres, so the
/// covered areas are known in closed form.
@Suite struct PatrolCoverageTests {
    let plane: MetricPlane
    let grids: CoverageGrids
    static let day = PatrolDay("2025-11-03")!

    /// Two 500 m squares side by side: grid 001 at x 0…500, grid 002 at x 500…1000.
    init() throws {
        plane = try MetricPlane()
        let snapshot = plane.snapshot(grids: [("001", plane.square(x: 0, y: 0, side: 500)), ("002", plane.square(x: 500, y: 0, side: 500))],
                                      town: plane.square(x: -2000, y: -2000, side: 5000))
        grids = try CoverageGrids(resolver: Resolver(snapshot))
    }

    func coverage(_ fixes: [PatrolFix], radius: Double = 30) throws -> [String: GridDayCoverage] {
        let patrols = Dictionary(grouping: fixes, by: \.member).map { member, fixes in
            TrackCleaning().clean(member: member, day: Self.day, fixes: fixes)
        }
        let days = try DailyCoverage(grids: grids, options: CoverageOptions(radius: radius)).compute(day: Self.day, patrols: patrols)
        return Dictionary(uniqueKeysWithValues: days.map { ($0.grid, $0) })
    }

    var start: Int64 { Self.day.start + 9 * 3_600_000 }

    @Test func straightTrackAcrossASquareCoversTheAnalyticFraction() throws {
        let fixes = plane.walk([(-100, 200), (600, 200)], member: "m1", start: start)
        let result = try coverage(fixes)
        let first = try #require(result["330000001001001"])
        // A band 2r wide across the 500 m square: 60 × 500 m² of 500².
        let fraction = first.coveredArea / grids.areas[0]
        #expect(abs(fraction - 0.12) / 0.12 < 0.005, "\(fraction)")
        #expect(abs(first.coveredArea - 30_000) < 1)
        #expect(abs(first.length - 500) < 0.01)
        #expect(first.visits.count == 1 && first.members == ["m1"])
        // The walk ends 100 m into grid 002: 100 m of band plus a half disc of radius 30 m.
        let second = try #require(result["330000001001002"])
        let expected = 60 * 100 + Double.pi * 900 / 2
        #expect(abs(second.coveredArea - expected) / expected < 0.005, "\(second.coveredArea) vs \(expected)")
        #expect(abs(second.length - 100) < 0.01)
    }

    @Test func aTrackOutsideCoversNothing() throws {
        let fixes = plane.walk([(-300, -300), (-300, 800)], member: "m1", start: start)
        let result = try coverage(fixes)
        #expect(result.isEmpty)
    }

    @Test func aTrackAlongTheEdgeCoversAHalfBandOfEachSide() throws {
        let fixes = plane.walk([(500, -100), (500, 600)], member: "m1", start: start)
        let result = try coverage(fixes)
        for code in ["330000001001001", "330000001001002"] {
            let grid = try #require(result[code])
            #expect(abs(grid.coveredArea - 30 * 500) < 1, "\(code) \(grid.coveredArea)")
        }
    }

    @Test func aGridPatrolledTwiceCountsTwoVisits() throws {
        let morning = plane.walk([(100, 100), (400, 100)], member: "m1", start: start)
        let afternoon = plane.walk([(100, 400), (400, 400)], member: "m2", start: start + 5 * 3_600_000)
        let soonAfter = plane.walk([(100, 300), (400, 300)], member: "m3", start: start + 5 * 3_600_000 + 8 * 60_000)
        let result = try coverage(morning + afternoon + soonAfter)
        let grid = try #require(result["330000001001001"])
        #expect(grid.visits.count == 3)
        #expect(grid.members == ["m1", "m2", "m3"])
        #expect(grid.visits[0].start == start)
        // m3 starts within 10 minutes of m2 leaving (m2 walks 300 m in ~3.6 min): one visit; with
        // a 4-minute gap, two.
        for (gap, visits) in [(10, 2), (4, 3)] {
            let period = try PeriodCoverage(grid: grid.grid, area: grids.areas[0], days: [grid], period: [Self.day],
                                            frequency: .daily, visitGap: Int64(gap) * 60_000, context: GEOSContext())
            #expect(period.visits.count == visits, "gap \(gap) min")
        }
        // Three separate bands, each 60 × 300 m plus two half discs.
        let band = 60 * 300 + Double.pi * 900
        #expect(abs(grid.coveredArea - 3 * band) / (3 * band) < 0.005)
    }

    @Test func dwellIsCountedWhereTheStopIs() throws {
        var fixes = plane.walk([(100, 100), (250, 250)], member: "m1", start: start)
        let here = plane.wgs84(250, 250)
        let last = fixes.last!.milliseconds
        for k in 1...60 { fixes.append(PatrolFix(member: "m1", milliseconds: last + Int64(k) * 10_000, position: here, crs: .wgs84)) }
        let grid = try #require(try coverage(fixes)["330000001001001"])
        #expect(grid.stops == 1)
        // The stop starts at the last walking fix within 25 m of the waiting point.
        #expect(grid.dwellSeconds >= 600 && grid.dwellSeconds <= 630, "\(grid.dwellSeconds)")
    }

    @Test func gapsAreTheRestOfTheGridAsValidPolygons() throws {
        let fixes = plane.walk([(-100, 200), (600, 200)], member: "m1", start: start)
        let day = try #require(try coverage(fixes)["330000001001001"])
        let context = GEOSContext()
        let period = try PeriodCoverage(grid: day.grid, area: grids.areas[0], days: [day], period: [Self.day],
                                        frequency: .daily, visitGap: 600_000, context: context)
        #expect(abs(period.coveredFraction - 0.12) < 0.0006)
        let gaps = try period.gaps(gridMetric: grids.metric[0], projection: plane.projection, context: context)
        // The band y 170…230 leaves 500 × 170 below and 500 × 270 above.
        #expect(gaps.map(\.area).sorted().enumerated().allSatisfy { i, area in abs(area - [85_000, 135_000][i]) < 5 }, "\(gaps.map(\.area))")
        for gap in gaps {
            #expect(try context.geometry(MultiPolygon([gap.polygon])).invalidityReason == nil)
        }
    }

    @Test func periodsUniteDaysAndMergeVisitsOverMidnight() throws {
        let context = GEOSContext()
        let lateWalk = plane.walk([(100, 100), (400, 100)], member: "m1", start: Self.day.end - 120_000)
        let nextDay = Self.day.next
        let patrolsByDay = Dictionary(grouping: lateWalk, by: { PatrolDay(milliseconds: $0.milliseconds) })
        #expect(patrolsByDay.count == 2)
        var days: [GridDayCoverage] = []
        for (day, fixes) in patrolsByDay {
            let patrol = TrackCleaning().clean(member: "m1", day: day, fixes: fixes)
            days += try DailyCoverage(grids: grids, options: CoverageOptions()).compute(day: day, patrols: [patrol])
        }
        let period = try PeriodCoverage(grid: "330000001001001", area: grids.areas[0], days: days, period: [Self.day, nextDay],
                                        frequency: .daily, visitGap: 600_000, context: context)
        #expect(period.visits.count == 1)
        #expect(period.compliance.required == 2 && period.compliance.met == 2)
        // The two days' pieces overlap where the track was split at midnight; united, one band.
        let band = 60 * 300 + Double.pi * 900
        #expect(abs(period.coveredArea - band) / band < 0.005, "\(period.coveredArea)")
    }

    @Test func complianceCountsRequiredDaysWeeksAndMonths() {
        // 2025-11-03 is a Monday; 14 days = two whole weeks.
        let days = (0..<14).map { PatrolDay(number: Self.day.number + Int64($0)) }
        let visits = [0, 1, 2, 9].map { Visit(start: days[$0].start + 3_600_000, end: days[$0].start + 7_200_000) }
        let daily = Compliance(frequency: .daily, days: days, visits: visits)
        #expect(daily.required == 14 && daily.met == 4 && !daily.compliant)
        let weekly = Compliance(frequency: .weekly, days: days, visits: visits)
        #expect(weekly.required == 2 && weekly.met == 2 && weekly.compliant)
        let onlyFirstWeek = Compliance(frequency: .weekly, days: days, visits: Array(visits.prefix(3)))
        #expect(onlyFirstWeek.met == 1)
        let monthly = Compliance(frequency: .monthly, days: days, visits: [])
        #expect(monthly.required == 1 && monthly.met == 0)
        #expect(Self.day.description == "2025-11-03" && Self.day.week == days[6].week && Self.day.week != days[7].week)
    }
}
