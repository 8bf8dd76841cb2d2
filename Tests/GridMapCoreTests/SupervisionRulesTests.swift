import Foundation
import GridMapCore
import GridMapGeometry
import Testing

/// 督办's pure rules: a model's `supervision` block with its defaults and checks, stage windows,
/// lights, and the moves offered to each role — hand-computed.
@Suite struct SupervisionRulesTests {
    func event(_ status: EventStatus, window: StageWindow? = nil, deadline: Instant? = nil,
               records: [SupervisionRecord] = [], extensions: [StageExtension] = []) -> EventRecord {
        EventRecord(id: 7, category: "fire.ebike", description: "", input: Coordinate(119.72, 28.27), crs: "wgs84",
                    point: Coordinate(119.72, 28.27), reportedAt: "2026-03-01T08:00:00.000Z", source: "grid_member",
                    reporter: "", gridCode: nil, villageCode: nil, townCode: nil, platformCode: "PAFZ",
                    routing: RecordedRouting(category: .init(code: "fire.ebike", name: "电动车"), deadlineHours: 12,
                                             platform: .init(code: "PAFZ", name: "平安法治"), lead: "", office: "应急管理站", assisting: [],
                                             model: "2022", rule: "fire.ebike", place: "everywhere", note: nil),
                    people: [], deadlineAt: deadline, status: status,
                    supervision: EventSupervision(level: records.map(\.level).max() ?? .none, window: window, records: records,
                                                  extensions: extensions),
                    closedAt: nil, dutyLeader: nil, history: [])
    }

    @Test func absentKeysTakeTheDefaultsAndBadNumbersAreNamed() throws {
        let partial = try JSONDecoder().decode(SupervisionPolicy.self, from: Data(#"{"triage_hours": 1.5}"#.utf8))
        #expect(partial == SupervisionPolicy(triageHours: 1.5))
        #expect(partial.acceptanceHours == 4 && partial.handlingHours == nil && partial.warning == 0.8 && partial.escalateAfterHours == 24)
        let bad = SupervisionPolicy(triageHours: 0, handlingHours: -1, warning: 1)
        #expect(bad.problems == ["supervision.triage_hours must be a number of hours in (0, 8784]",
                                 "supervision.handling_hours must be a number of hours in (0, 8784]",
                                 "supervision.warning must lie strictly between 0 and 1"])
    }

    @Test func aStageRunsItsHoursButNeverPastTheOverallDeadline() {
        let policy = SupervisionPolicy(), start: Instant = "2026-03-01T08:00:00.000Z"
        let triage = policy.window(entering: .received, at: start, overall: "2026-03-01T20:00:00.000Z")
        #expect(triage == StageWindow(stage: .triage, startedAt: start, warnAt: "2026-03-01T09:36:00.000Z", dueAt: "2026-03-01T10:00:00.000Z"))
        let capped = policy.window(entering: .dispatched, at: start, overall: "2026-03-01T09:00:00.000Z")
        #expect(capped?.dueAt == "2026-03-01T09:00:00.000Z" && capped?.warnAt == "2026-03-01T08:48:00.000Z")
        #expect(policy.window(entering: .inProgress, at: start, overall: nil) == StageWindow(stage: .handling, startedAt: start, warnAt: nil, dueAt: nil))
        #expect(policy.window(entering: .resolved, at: start, overall: nil) == nil)
        #expect(policy.window(entering: .parked, at: start, overall: nil) == nil, "parked has its review date")
    }

    @Test func theLightFollowsTheStageAndTheOverallDeadline() {
        let window = StageWindow(stage: .acceptance, startedAt: "2026-03-01T08:00:00.000Z", warnAt: "2026-03-01T11:12:00.000Z",
                                 dueAt: "2026-03-01T12:00:00.000Z")
        let light = { (status: EventStatus, overall: Instant?, at: Instant) in SupervisionLight.of(status, window: window, overall: overall, at: at) }
        #expect(light(.dispatched, nil, "2026-03-01T11:11:59.999Z") == .green)
        #expect(light(.dispatched, nil, "2026-03-01T11:12:00.000Z") == .yellow)
        #expect(light(.dispatched, nil, "2026-03-01T12:00:00.000Z") == .red)
        #expect(light(.dispatched, "2026-03-01T09:00:00.000Z", "2026-03-01T09:00:00.000Z") == .red, "the overall deadline, whatever the stage")
        #expect(light(.parked, "2026-03-01T09:00:00.000Z", "2026-03-02T00:00:00.000Z") == .green)
        #expect(light(.resolved, nil, "2026-03-02T00:00:00.000Z") == nil)
    }

    @Test func eachRoleIsOfferedTheMovesItMayMake() {
        let dispatcher = Viewer(scope: .everywhere, seesPersonal: true, role: .dispatcher)
        let leader = Viewer(scope: .everywhere, seesPersonal: true, role: .leader)
        let fresh = event(.inProgress)
        #expect(fresh.supervisionActions(for: dispatcher) == [.supervise, .requestExtension])
        #expect(fresh.supervisionActions(for: leader) == [.supervise, .leaderSupervise, .park])
        #expect(fresh.supervisionActions(for: .anonymous).isEmpty)
        let order = SupervisionRecord(id: 1, eventID: 7, level: .supervised, stageID: nil, stage: nil, office: "应急管理站", note: nil,
                                      issuedAt: "2026-03-01T10:00:00.000Z", issuedBy: "值班员")
        let pending = StageExtension(id: 2, eventID: 7, stageID: nil, stage: nil, until: "2026-03-05T00:00:00.000Z", reason: "x",
                                     requestedAt: "2026-03-01T11:00:00.000Z", requestedBy: "应急管理站")
        let supervised = event(.inProgress, records: [order], extensions: [pending])
        #expect(supervised.supervisionActions(for: dispatcher) == [.reply])
        #expect(supervised.supervisionActions(for: leader) == [.leaderSupervise, .decideExtension, .park])
        #expect(event(.resolved).supervisionActions(for: leader).isEmpty)
    }
}
