import Foundation
import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// 考核 of each event with its 回访, on every backend: scored 1–5, a dissatisfied follow-up sends
/// the event back to triage (返工), every evaluation kept.
@Suite struct EvaluationRepositoryTests {
    static let at: Instant = "2026-03-02T09:00:00.000Z"

    /// A resolved labour dispute in dagangtou: its store and id.
    static func resolved(_ backend: Backend) throws -> (store: any GridMapRepository, id: Int64) {
        let store = try backend.repository(with: ["dagangtou"])
        let id = try store.record(.test("dispute.labour", at: Coordinate(119.72, 28.27)), resolvers: try HistoricalResolvers(store: store))
        for status in [EventStatus.triaged, .dispatched, .inProgress] {
            _ = try store.transition(id, to: status, actor: "值班员", note: nil, at: "2026-03-01T09:00:00.000Z")
        }
        try store.finishTasks(of: id, at: "2026-03-01T10:00:00.000Z")
        _ = try store.transition(id, to: .resolved, actor: "值班员", note: nil, at: "2026-03-01T11:00:00.000Z")
        return (store, id)
    }

    @Test(arguments: Backend.all) func aSatisfiedFollowUpClosesTheEventWithItsScore(_ backend: Backend) throws {
        let (store, id) = try Self.resolved(backend)
        #expect(throws: EvaluationError.evaluationRequired) {
            try store.transition(id, to: .evaluated, actor: "值班员", note: nil, at: Self.at)
        }
        for score in [0, 6] {
            #expect(throws: EvaluationError.scoreOutOfRange(score)) {
                try store.evaluate(id, score: score, satisfaction: .satisfied, remark: nil, actor: "值班员", at: Self.at)
            }
        }
        let event = try store.evaluate(id, score: 4, satisfaction: .basicallySatisfied, remark: "处理及时", actor: "值班员", at: Self.at)
        #expect(event.status == .evaluated && event.closedAt == "2026-03-01T11:00:00.000Z", "closed when resolved")
        #expect(event.evaluations == [EventEvaluation(eventID: id, score: 4, satisfaction: .basicallySatisfied, remark: "处理及时",
                                                      actor: "值班员", at: Self.at)])
        #expect(event.history.last.map { ($0.to, $0.note) } ?? (nil, nil) == (.evaluated, "回访基本满意, 评分 4: 处理及时"))
        #expect(throws: EventError.illegalTransition(from: .evaluated, to: .evaluated)) {
            try store.evaluate(id, score: 5, satisfaction: .satisfied, remark: nil, actor: "值班员", at: Self.at)
        }
    }

    @Test(arguments: Backend.all) func aDissatisfiedFollowUpReturnsTheEventAndKeepsTheEvaluation(_ backend: Backend) throws {
        let (store, id) = try Self.resolved(backend)
        let returned = try store.evaluate(id, score: 2, satisfaction: .dissatisfied, remark: "垃圾仍未清理", actor: "值班员", at: Self.at)
        #expect(returned.status == .returned && returned.closedAt == nil, "reopened: not closed any more")
        #expect(returned.history.last.map { ($0.from, $0.to) } ?? (nil, nil) == (.resolved, .returned))
        #expect(returned.history.last?.note == "回访不满意, 评分 2: 垃圾仍未清理")
        #expect(returned.evaluations.map(\.satisfaction) == [.dissatisfied])
        // Handled again, then evaluated satisfied: both evaluations are kept.
        for status in [EventStatus.triaged, .dispatched, .inProgress] {
            _ = try store.transition(id, to: status, actor: "值班员", note: nil, at: "2026-03-02T10:00:00.000Z")
        }
        try store.finishTasks(of: id, at: "2026-03-02T11:00:00.000Z")
        _ = try store.transition(id, to: .resolved, actor: "值班员", note: nil, at: "2026-03-02T12:00:00.000Z")
        let closed = try store.evaluate(id, score: 5, satisfaction: .satisfied, remark: nil, actor: "值班员", at: "2026-03-03T09:00:00.000Z")
        #expect(closed.status == .evaluated && closed.evaluations.map(\.score) == [2, 5])
        #expect(closed.closedAt == "2026-03-02T12:00:00.000Z")
    }
}
