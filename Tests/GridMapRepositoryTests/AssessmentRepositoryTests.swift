import Foundation
import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// 考核 over a store, on every backend: the sample's scheme stored on import and versioned, the
/// units of each subject, figures read from the stored loop (and changed by a late reopening),
/// and adjustments held within the scheme's bounds, nothing stored when refused.
@Suite struct AssessmentRepositoryTests {
    static let town = "331102102000"
    static let march = AssessmentPeriod("2026-03")!

    static func sampleScheme() throws -> AssessmentScheme {
        try AssessmentScheme.read(Data(contentsOf: Fixtures.sample("dagangtou").appendingPathComponent("assessment.json")))
    }

    @Test(arguments: Backend.all) func schemesAreVersionedPerTown(_ backend: Backend) throws {
        let store = try backend.repository(with: ["dagangtou"])
        let sample = try Self.sampleScheme()
        #expect(try store.assessmentScheme(town: Self.town, period: AssessmentPeriod("2001")!) == sample, "the first scheme holds from the beginning")
        #expect(try !store.setAssessmentScheme(sample, town: Self.town, validFrom: nil), "the same scheme again changes nothing")
        var stricter = sample
        stricter.name = "2026年办法"
        #expect(try store.setAssessmentScheme(stricter, town: Self.town, validFrom: "2026-01-01T00:00:00+08:00"))
        #expect(try store.assessmentScheme(town: Self.town, period: AssessmentPeriod("2025-Q4")!)?.name == sample.name)
        #expect(try store.assessmentScheme(town: Self.town, period: AssessmentPeriod("2026-01")!)?.name == "2026年办法")
        #expect(try store.assessmentScheme(town: Self.town, period: AssessmentPeriod("2025")!)?.name == sample.name, "in force at the year's end")
        stricter.name = "更早的办法"
        #expect(throws: AssessmentError.validFromTooEarly(current: "2026-01-01T00:00:00+08:00")) {
            _ = try store.setAssessmentScheme(stricter, town: Self.town, validFrom: "2025-06-01T00:00:00+08:00")
        }
        #expect(throws: AssessmentError.unknownTown("330000000000")) {
            _ = try store.setAssessmentScheme(sample, town: "330000000000", validFrom: nil)
        }
        #expect(try store.assessmentScheme(town: "330000000000", period: Self.march) == nil)
    }

    @Test(arguments: Backend.all) func theUnitsOfEachSubjectAreTheTowns(_ backend: Backend) throws {
        let store = try backend.repository(with: ["dagangtou"])
        let snapshot = try store.snapshot()
        let grids = try store.assessmentUnits(town: Self.town, subject: .grid, period: Self.march)
        #expect(grids.map(\.code) == snapshot.boundaries(.grid).map(\.unit.code).sorted() && grids.count == 65)
        #expect(try store.assessmentUnits(town: Self.town, subject: .village, period: Self.march).count == 11)
        // people.csv: a 网格员 on post A and one on post B in every grid.
        let members = try store.assessmentUnits(town: Self.town, subject: .member, period: Self.march)
        #expect(members.count == 130 && members.prefix(2).map(\.code) == [grids[0].code + "/A", grids[0].code + "/B"])
        #expect(members.allSatisfy { $0.grid != nil && !$0.name.isEmpty })
        #expect(try store.assessmentUnits(town: Self.town, subject: .platform, period: Self.march).map(\.code) == ["DJTL", "JJST", "PAFZ", "GGFW"])
        let offices = Set(try store.assessmentUnits(town: Self.town, subject: .office, period: Self.march).map(\.code))
        #expect(offices.count == 17 && offices.contains("派出所") && offices.contains("卫生院"))
        #expect(try store.assessmentUnits(town: Self.town, subject: .grid, period: AssessmentPeriod("2001")!).isEmpty,
                "no grid had a boundary then (dataset valid from 2024)")
    }

    @Test(arguments: Backend.all) func figuresFollowTheStoredLoopAndALateReopening(_ backend: Backend) throws {
        let store = try backend.repository(with: ["dagangtou"])
        let resolvers = try HistoricalResolvers(store: store)
        // Reported 3月1日 16:00 Beijing, due 48 h later, resolved the same day.
        let id = try store.record(.test("dispute.labour", at: Coordinate(119.72, 28.27)), resolvers: resolvers)
        for status in [EventStatus.triaged, .dispatched, .inProgress] {
            _ = try store.transition(id, to: status, actor: "值班员", note: nil, at: "2026-03-01T09:00:00.000Z")
        }
        _ = try store.finishTasks(of: id, at: "2026-03-01T10:00:00.000Z")
        _ = try store.transition(id, to: .resolved, actor: "值班员", note: nil, at: "2026-03-01T11:00:00.000Z")
        let grid = try #require(try store.event(id)?.gridCode)
        func line(_ indicator: AssessmentIndicator, _ period: AssessmentPeriod = Self.march,
                  asOf: Instant = "2026-04-10T00:00:00.000Z") throws -> IndicatorValue? {
            let result = try store.assess(town: Self.town, period: period, subject: .grid, resolvers: resolvers, asOf: asOf)
            return result.subjects.first { $0.unit.code == grid }?.lines.first { $0.indicator == indicator }?.value
        }
        #expect(try line(.onTimeClosureRate) == .rate(1, of: 1) && line(.overdueCount) == .count(0))
        #expect(try line(.reportedEvents) == .count(1))
        #expect(try line(.patrolCompliance) == .rate(0, of: 31), "no patrols in March: 0 of 31 days")

        // April's 回访 is dissatisfied: the event is open again, so March's closure is undone.
        _ = try store.evaluate(id, score: 2, satisfaction: .dissatisfied, remark: nil, actor: "值班员", at: "2026-04-02T01:00:00.000Z")
        #expect(try line(.onTimeClosureRate) == .rate(0, of: 1) && line(.overdueCount) == .count(1))
        #expect(try line(.returnRate)?.value == nil, "the 回访 was in April")
        #expect(try line(.returnRate, AssessmentPeriod("2026-04")!) == .rate(1, of: 1))
        #expect(try line(.onTimeClosureRate, AssessmentPeriod("2026-02")!)?.denominator == 0)
    }

    @Test(arguments: Backend.all) func adjustmentsStayWithinTheBoundsOrAreRefusedWhole(_ backend: Backend) throws {
        let store = try backend.repository(with: ["dagangtou"])
        let grid = try #require(try store.assessmentUnits(town: Self.town, subject: .grid, period: Self.march).first?.code)
        func adjust(_ points: Double, _ period: String = "2026-03", code: String? = nil, reason: String = "防汛工作突出") throws -> AssessmentAdjustment {
            try store.adjustAssessment(town: Self.town, subject: .grid, code: code ?? grid, period: AssessmentPeriod(period)!, points: points,
                                       reason: reason, actor: "镇长", at: "2026-04-01T01:00:00.000Z")
        }
        let first = try adjust(5)
        #expect(first.id > 0 && first.reason == "防汛工作突出")
        // The sample's grid bounds are −10 … +5 a period.
        #expect(throws: AssessmentError.adjustmentOutOfBounds(total: 6, bounds: AdjustmentBounds(min: -10, max: 5))) { _ = try adjust(1) }
        #expect(throws: AssessmentError.reasonRequired) { _ = try adjust(-1, reason: "  ") }
        #expect(throws: AssessmentError.invalidPoints) { _ = try adjust(.nan) }
        #expect(throws: AssessmentError.invalidPoints) { _ = try adjust(0) }
        #expect(throws: AssessmentError.unknownSubject("nope")) { _ = try adjust(1, code: "nope") }
        #expect(throws: AssessmentError.invalidPoints) { _ = try adjust(-101) }
        _ = try adjust(-10, "2026-Q1")
        #expect(try store.assessmentAdjustments(town: Self.town).map(\.points) == [5, -10], "nothing refused was stored")

        let resolvers = try HistoricalResolvers(store: store)
        func adjustment(_ period: String) throws -> Double? {
            let result = try store.assess(town: Self.town, period: AssessmentPeriod(period)!, subject: .grid, resolvers: resolvers,
                                          asOf: "2026-04-10T00:00:00.000Z")
            return result.subjects.first { $0.unit.code == grid }?.adjustment
        }
        #expect(try adjustment("2026-03") == 5 && adjustment("2026-Q1") == -5 && adjustment("2026-02") == 0)
    }

    @Test(arguments: Backend.all) func cachedPatrolFiguresFollowNewPatrols(_ backend: Backend) throws {
        let store = try backend.repository(with: ["dagangtou"])
        let resolvers = try HistoricalResolvers(store: store)
        let day = PatrolDay("2026-03-03")!
        let resolver = try resolvers.resolver(at: Instant(milliseconds: day.start))
        let cache = PatrolFiguresCache()
        func patrolled() throws -> Int {
            try store.assess(town: Self.town, period: Self.march, subject: .grid, resolvers: resolvers, asOf: "2026-04-10T00:00:00.000Z",
                             patrolCache: cache).subjects.reduce(0) { total, subject in
                total + (subject.lines.first { $0.indicator == .patrolCompliance }?.value.numerator ?? 0)
            }
        }
        #expect(try patrolled() == 0 && patrolled() == 0, "no patrols, twice (the second from the cache)")
        let fixes = PatrolSimulator(grids: resolver.gridGeometries).patrol(member: "m0", grid: 0, start: day.start + 9 * 3_600_000,
                                                                             hours: 1.5, seed: 1)
        _ = try store.importPatrols(fixes, source: "test", format: "csv", cleaning: TrackCleaning(), options: CoverageOptions(),
                                    resolvers: resolvers)
        let after = try patrolled()
        #expect(after >= 1, "the new day's patrol misses the cache")
        #expect(try patrolled() == after)
        #expect(try store.assess(town: Self.town, period: Self.march, subject: .grid, resolvers: resolvers,
                                 asOf: "2026-04-10T00:00:00.000Z").subjects.reduce(0) { total, subject in
            total + (subject.lines.first { $0.indicator == .patrolCompliance }?.value.numerator ?? 0)
        } == after, "the same as without a cache")
    }
}
