import Foundation
import GridMapCore
import GridMapTestSupport
import Testing

/// 考核 on a hand-computed fixture: November 2025 in Beijing, read on 10 December. Every figure
/// below was worked out by hand from the facts (the comments show the sums).
@Suite struct AssessmentTests {
    static let period = AssessmentPeriod("2025-11")!
    static let asOf: Instant = "2025-12-10T00:00:00.000Z"

    static func event(_ id: Int64, grid: String, platform: String = "P1", source: EventSource = .hotline, reporter: String = "市民",
                      reported: Instant = "2025-11-01T02:00:00.000Z", deadline: Instant?, closed: Instant?,
                      status: EventStatus, judged: Bool = true, takenOn: Bool = true) -> AssessmentFacts.Event {
        AssessmentFacts.Event(id: id, grid: grid, village: "V" + grid.prefix(2), platform: platform, source: source, reporter: reporter,
                              reportedAt: reported, deadlineAt: deadline, closedAt: closed, status: status, judged: judged, takenOn: takenOn)
    }

    /// G1: e1 on time, e2 late, e3 open past its deadline, e4 closed early (deadline in December),
    /// e5 parked (left out), e6 closed in October (only its evaluation counts); e7/e8 reports of
    /// G1's members not taken on / not judged yet. G3: e9 on time. G2, G4, G5: nothing.
    static let events: [AssessmentFacts.Event] = [
        event(1, grid: "G1", source: .gridMember, reporter: "张三", deadline: "2025-11-05T00:00:00.000Z", closed: "2025-11-04T00:00:00.000Z",
              status: .evaluated),
        event(2, grid: "G1", source: .gridMember, reporter: "张三", deadline: "2025-11-10T00:00:00.000Z", closed: "2025-11-12T00:00:00.000Z",
              status: .resolved),
        event(3, grid: "G1", deadline: "2025-11-20T00:00:00.000Z", closed: nil, status: .dispatched),
        event(4, grid: "G1", deadline: "2025-12-05T00:00:00.000Z", closed: "2025-11-25T00:00:00.000Z", status: .resolved),
        event(5, grid: "G1", deadline: "2025-11-15T00:00:00.000Z", closed: nil, status: .parked),
        event(6, grid: "G1", platform: "P2", reported: "2025-10-01T00:00:00.000Z", deadline: "2025-10-20T00:00:00.000Z",
              closed: "2025-10-25T00:00:00.000Z", status: .evaluated),
        event(7, grid: "G1", source: .gridMember, reporter: "李四", reported: "2025-11-03T00:00:00.000Z", deadline: nil, closed: nil,
              status: .triaged, takenOn: false),
        event(8, grid: "G1", source: .gridMember, reporter: "张三", reported: "2025-11-28T00:00:00.000Z", deadline: nil, closed: nil,
              status: .received, judged: false, takenOn: false),
        event(9, grid: "G3", deadline: "2025-11-10T00:00:00.000Z", closed: "2025-11-09T00:00:00.000Z", status: .resolved),
    ]

    static func facts(_ subject: AssessmentSubject, units: [AssessmentFacts.Unit]) -> AssessmentFacts {
        AssessmentFacts(
            period: period, asOf: asOf, units: [subject: units], events: events,
            evaluations: [.init(eventID: 1, satisfaction: .satisfied), .init(eventID: 2, satisfaction: .dissatisfied),
                          .init(eventID: 6, satisfaction: .basicallySatisfied)],
            supervisions: [.init(eventID: 3, level: .supervised, office: "派出所"), .init(eventID: 2, level: .urged, office: "派出所"),
                           .init(eventID: 3, level: .leaderSupervised, office: "司法所")],
            tasks: [
                TaskFact(office: "派出所", status: .done, assignedAt: "2025-11-02T00:00:00.000Z", closedAt: "2025-11-03T00:00:00.000Z",
                         deadlineAt: "2025-11-04T00:00:00.000Z"),
                TaskFact(office: "派出所", status: .done, assignedAt: "2025-11-05T00:00:00.000Z", closedAt: "2025-11-09T00:00:00.000Z",
                         deadlineAt: "2025-11-06T00:00:00.000Z"),
                TaskFact(office: "派出所", status: .assigned, assignedAt: "2025-11-10T00:00:00.000Z", closedAt: nil,
                         deadlineAt: "2025-11-20T00:00:00.000Z"),
                TaskFact(office: "派出所", status: .accepted, assignedAt: "2025-11-29T00:00:00.000Z", closedAt: nil,
                         deadlineAt: "2025-12-20T00:00:00.000Z"),
                TaskFact(office: "派出所", status: .cancelled, assignedAt: "2025-11-11T00:00:00.000Z", closedAt: "2025-11-12T00:00:00.000Z",
                         deadlineAt: "2025-11-12T00:00:00.000Z"),
                TaskFact(office: "司法所", status: .done, assignedAt: "2025-11-02T00:00:00.000Z", closedAt: "2025-11-20T00:00:00.000Z",
                         deadlineAt: nil),
            ],
            patrols: ["G1": .init(met: 20, required: 30, coveredShare: 0.5), "G3": .init(met: 30, required: 30, coveredShare: 0.8)])
    }

    static let grids = ["G1", "G2", "G3", "G4", "G5"].map { AssessmentFacts.Unit(code: $0, name: "第\($0.dropFirst())网格") }

    static func indicator(_ code: AssessmentIndicator, _ weight: Double, _ bands: [ScoreBand], noData: Double = 100) -> WeightedIndicator {
        WeightedIndicator(code: code, weight: weight, bands: bands, noDataScore: noData)
    }

    static let scheme = AssessmentScheme(name: "测试办法", subjects: [
        SubjectScheme(subject: .grid, indicators: [
            indicator(.onTimeClosureRate, 50, [ScoreBand(min: 0.9, score: 100), ScoreBand(min: 0.5, score: 60), ScoreBand(score: 0)]),
            indicator(.overdueCount, 20, [ScoreBand(max: 0, score: 100), ScoreBand(max: 2, score: 50), ScoreBand(score: 0)]),
            indicator(.patrolCompliance, 30, [ScoreBand(min: 0.9, score: 100), ScoreBand(min: 0.6, score: 70), ScoreBand(score: 20)], noData: 0),
        ], adjustments: AdjustmentBounds(min: -10, max: 5)),
        SubjectScheme(subject: .office, indicators: [
            indicator(.tasksOnTimeRate, 70, [ScoreBand(min: 0.9, score: 100), ScoreBand(min: 0.3, score: 50), ScoreBand(score: 0)]),
            indicator(.supervisionsLevel2, 30, [ScoreBand(max: 0, score: 100), ScoreBand(score: 40)]),
        ], adjustments: AdjustmentBounds(min: -10, max: 5)),
        SubjectScheme(subject: .member, indicators: [
            indicator(.reportedEvents, 50, [ScoreBand(min: 3, score: 100), ScoreBand(min: 1, score: 50), ScoreBand(score: 0)]),
            indicator(.validReportShare, 50, [ScoreBand(min: 0.9, score: 100), ScoreBand(score: 0)]),
        ], adjustments: AdjustmentBounds(min: -10, max: 5)),
    ])

    static func adjustment(_ code: String, _ points: Double, _ period: String) -> AssessmentAdjustment {
        AssessmentAdjustment(id: 0, town: "T", subject: .grid, code: code, period: AssessmentPeriod(period)!, points: points,
                             reason: "测试", actor: "镇长", at: asOf)
    }

    @Test func everyIndicatorMatchesTheHandCount() {
        let grids = AssessmentMeasures(Self.facts(.grid, units: Self.grids), subject: .grid)
        let g1 = Self.grids[0]
        // 应办结 e1 e2 e3 e4 (e5 parked, e6 outside); 按期 e1 e4.
        #expect(grids.value(.onTimeClosureRate, for: g1) == .rate(2, of: 4))
        #expect(grids.value(.overdueCount, for: g1) == .count(2))
        // 回访 in November of G1's events: e1 satisfied, e2 dissatisfied, e6 basically satisfied.
        #expect(grids.value(.satisfactionRate, for: g1) == .rate(2, of: 3))
        #expect(grids.value(.returnRate, for: g1) == .rate(1, of: 3))
        #expect(grids.value(.supervisionsLevel1, for: g1) == .count(1))
        #expect(grids.value(.supervisionsLevel2, for: g1) == .count(1))
        #expect(grids.value(.supervisionsLevel3, for: g1) == .count(1))
        // Reported by grid members: e1 e2 e7 e8; judged e1 e2 e7; taken on e1 e2.
        #expect(grids.value(.reportedEvents, for: g1) == .count(4))
        #expect(grids.value(.validReportShare, for: g1) == .rate(2, of: 3))
        #expect(grids.value(.patrolCompliance, for: g1) == .rate(20, of: 30))
        #expect(grids.value(.coveredShare, for: g1) == .share(0.5))
        #expect(grids.value(.onTimeClosureRate, for: Self.grids[1]) == .rate(0, of: 0) && grids.value(.onTimeClosureRate, for: Self.grids[1]).value == nil)
        #expect(grids.value(.patrolCompliance, for: Self.grids[1]).value == nil, "no coverage figures: no basis")

        let platforms = AssessmentMeasures(Self.facts(.platform, units: []), subject: .platform)
        #expect(platforms.value(.satisfactionRate, for: .init(code: "P1", name: "")) == .rate(1, of: 2))
        #expect(platforms.value(.satisfactionRate, for: .init(code: "P2", name: "")) == .rate(1, of: 1))

        let offices = AssessmentMeasures(Self.facts(.office, units: []), subject: .office)
        // 派出所: done on time t1; late t2; open past its deadline t3; not yet due t4 and cancelled t5 left out.
        #expect(offices.value(.tasksOnTimeRate, for: .init(code: "派出所", name: "派出所")) == .rate(1, of: 3))
        #expect(offices.value(.tasksOnTimeRate, for: .init(code: "司法所", name: "司法所")) == .rate(1, of: 1))
        #expect(offices.value(.supervisionsLevel2, for: .init(code: "派出所", name: "派出所")) == .count(1))
        #expect(offices.value(.supervisionsLevel3, for: .init(code: "派出所", name: "派出所")) == .count(0))

        let a = AssessmentFacts.Unit(code: "G1/A", name: "张三", grid: "G1"), b = AssessmentFacts.Unit(code: "G1/B", name: "李四", grid: "G1")
        let members = AssessmentMeasures(Self.facts(.member, units: [a, b]), subject: .member)
        #expect(members.value(.reportedEvents, for: a) == .count(3) && members.value(.reportedEvents, for: b) == .count(1))
        #expect(members.value(.validReportShare, for: a) == .rate(2, of: 2) && members.value(.validReportShare, for: b) == .rate(0, of: 1))
        #expect(members.value(.patrolCompliance, for: b) == .rate(20, of: 30), "a member's patrols are their grid's")
    }

    @Test func aDeadlineStillToComeIsNotOverdue() {
        var facts = Self.facts(.grid, units: Self.grids)
        facts.asOf = "2025-11-15T00:00:00.000Z"
        // By the 15th (Beijing 08:00): e1 on time, e2 late, e3 not yet due; e4 closed later.
        #expect(AssessmentMeasures(facts, subject: .grid).value(.onTimeClosureRate, for: Self.grids[0]) == .rate(1, of: 2))
    }

    @Test func weightedScoresBandsAdjustmentsAndSharedRanks() throws {
        // G1: 0.5 → 60 × 50 % = 30; 2 overdue → 50 × 20 % = 10; 20/30 → 70 × 30 % = 21: 61, adjusted +9 held to +5: 66.
        // G2, G4, G5: no basis → 100 × 50 % + 0 overdue → 100 × 20 % + no patrols → 0: 70; G2 adjusted −4: 66.
        // G3: 1/1 → 50 + 20 + 30/30 → 30: 100 (its quarter's −1 does not count in November).
        let adjustments = [Self.adjustment("G1", 5, "2025-11"), Self.adjustment("G1", 4, "2025-11"), Self.adjustment("G2", -4, "2025-11"),
                           Self.adjustment("G3", -1, "2025-Q4")]
        let result = try AssessmentResult(facts: Self.facts(.grid, units: Self.grids), subject: .grid, scheme: Self.scheme,
                                          adjustments: adjustments)
        #expect(result.subjects.map(\.unit.code) == ["G3", "G4", "G5", "G1", "G2"])
        #expect(result.subjects.map(\.score) == [100, 70, 70, 66, 66])
        #expect(result.subjects.map(\.rank) == [1, 2, 2, 4, 4])
        let g1 = try #require(result.subjects.first { $0.unit.code == "G1" })
        #expect(g1.lines.map(\.score) == [60, 50, 70] && g1.lines.map(\.weighted) == [30, 10, 21])
        #expect(g1.lines.map { $0.band?.label } == ["≥ 0.5", "≤ 2", "≥ 0.6"])
        #expect(g1.adjustment == 5 && g1.adjustments.count == 2)
        let g2 = try #require(result.subjects.first { $0.unit.code == "G2" })
        #expect(g2.lines.map(\.band) == [nil, ScoreBand(max: 0, score: 100), nil], "no basis: no band, the no-data score")
        #expect(result.subjects.first?.adjustments.isEmpty == true, "the quarter's adjustment is not November's")

        let quarter = try AssessmentResult(facts: AssessmentFacts(period: AssessmentPeriod("2025-Q4")!, asOf: Self.asOf,
                                                                  units: [.grid: Self.grids], events: [], evaluations: [], supervisions: [],
                                                                  tasks: []),
                                           subject: .grid, scheme: Self.scheme, adjustments: adjustments)
        #expect(quarter.subjects.first { $0.unit.code == "G3" }?.adjustment == -1, "months' and the quarter's adjustments count in the quarter")

        let offices = try AssessmentResult(facts: Self.facts(.office, units: [.init(code: "派出所", name: "派出所"), .init(code: "司法所", name: "司法所")]),
                                           subject: .office, scheme: Self.scheme, adjustments: [])
        // 派出所: 1/3 → 50 × 70 % = 35, one 督办 → 40 × 30 % = 12: 47. 司法所: 70 + 30 = 100.
        #expect(offices.subjects.map { "\($0.unit.code) \($0.score)" } == ["司法所 100.0", "派出所 47.0"])

        #expect(throws: AssessmentError.subjectNotAssessed(.village)) {
            _ = try AssessmentResult(facts: Self.facts(.village, units: []), subject: .village, scheme: Self.scheme, adjustments: [])
        }
    }

    @Test func theTableHasAHeaderRowAndOneRowPerSubject() throws {
        let a = AssessmentFacts.Unit(code: "G1/A", name: "张三", grid: "G1")
        let result = try AssessmentResult(facts: Self.facts(.member, units: [a]), subject: .member, scheme: Self.scheme, adjustments: [])
        let table = SheetTable(assessment: result, maskNames: true)
        #expect(table.headers == ["排名", "编码", "名称", "网格", "总分", "加减分", "网格员上报事件数", "网格员上报事件数得分", "上报有效率(%)", "上报有效率得分"])
        #expect(table.rows == [[.number(1, decimals: 0), .text("G1/A"), .text(PersonalMask.name("张三")), .text("G1"),
                                .number(100, decimals: 2), .number(0, decimals: 2), .number(3, decimals: 0), .number(100, decimals: 2),
                                .number(100, decimals: 2), .number(100, decimals: 2)]])
        let csv = table.csv
        #expect(Array(csv.prefix(3)) == CSVField.byteOrderMark)
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\n").last == "1,G1/A,\(PersonalMask.name("张三")),G1,100.00,0.00,3,100.00,100.00,100.00")
    }

    @Test func periodsAreBeijingYearsQuartersAndMonths() throws {
        let quarter = try #require(AssessmentPeriod("2025-Q4"))
        #expect(quarter.from == "2025-09-30T16:00:00.000Z" && quarter.to == "2025-12-31T16:00:00.000Z" && quarter.name == "2025年第4季度")
        #expect(AssessmentPeriod("2024")?.to == "2024-12-31T16:00:00.000Z" && AssessmentPeriod("2025-02")?.to == "2025-02-28T16:00:00.000Z")
        #expect(AssessmentPeriod("2025-11")?.name == "2025年11月")
        for bad in ["2025-13", "2025-Q5", "2025-Q0", "25", "2025-1", "2025-11-01", "", "1999", "２０２５"] {
            #expect(AssessmentPeriod(bad) == nil, "\(bad)")
        }
        #expect(Self.adjustment("G1", 1, "2025-11").counts(in: quarter) && !Self.adjustment("G1", 1, "2025-Q4").counts(in: Self.period))
    }

    @Test func aSchemeIsCheckedAndEveryProblemNamesItsItem() throws {
        let good = try JSONEncoder().encode(Self.scheme)
        #expect(try AssessmentScheme.read(good) == Self.scheme)
        func problems(_ json: String) -> [String] {
            do {
                _ = try AssessmentScheme.read(Data(json.utf8))
                return []
            } catch AssessmentError.invalidScheme(let problems) {
                return problems
            } catch {
                return ["\(error)"]
            }
        }
        let bands = #"[{"min":0.9,"score":100},{"score":0}]"#
        #expect(problems(#"{"name":"x","subjects":[{"subject":"grid","indicators":[{"code":"on_time_closure_rate","weight":60,"bands":\#(bands)}],"adjustments":{"min":-5,"max":5}}]}"#)
            == ["subjects[0] (grid).indicators: the weights add up to 60, not 100"])
        #expect(problems(#"{"name":"x","subjects":[{"subject":"office","indicators":[{"code":"patrol_compliance","weight":100,"bands":[{"min":0.9,"score":120}]}],"adjustments":{"min":1,"max":5}}]}"#)
            == ["subjects[0] (office).indicators[0] (patrol_compliance): not computed for office; it is for grid, member",
                "subjects[0] (office).indicators[0] (patrol_compliance).bands[0].score: must be from 0 to 100",
                "subjects[0] (office).indicators[0] (patrol_compliance).bands[0]: the last band must have neither min nor max (it scores every other value)",
                "subjects[0] (office).adjustments: min must be ≤ 0 and max ≥ 0"])
        #expect(problems(#"{"name":"x","subjects":[{"subject":"grid","indicators":[{"code":"speed","weight":100,"bands":\#(bands)}],"adjustments":{"min":0,"max":0}}]}"#)
            .first?.hasPrefix("subjects[0].indicators[0].code: unknown code; known: on_time_closure_rate") == true)
        #expect(problems(#"{"name":"x","subjects":[{"subject":"grid","indicators":[]}]}"#) == ["subjects[0]: 'adjustments' is missing"])
        #expect(problems(#"{"name":"x","subjects":[{"subject":"town","indicators":[],"adjustments":{"min":0,"max":0}}]}"#)
            .first?.hasPrefix("subjects[0].subject: unknown code; known: grid, member") == true)
        #expect(problems("[1,2]").count == 1)
    }
}
