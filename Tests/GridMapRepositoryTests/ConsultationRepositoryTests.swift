import Foundation
import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// 研判会商 on every backend: a consultation recorded with who took part and what they decided,
/// and one that dispatches the event to the decided offices in the same step.
@Suite struct ConsultationRepositoryTests {
    static let at: Instant = "2026-03-01T09:00:00.000Z"

    /// An e-bike charging report at (119.72, 28.27), routed to 应急管理站: its store and id.
    static func reported(_ backend: Backend) throws -> (store: any GridMapRepository, id: Int64) {
        let store = try backend.repository(with: ["dagangtou"])
        return (store, try store.record(.test("fire.ebike", at: Coordinate(119.72, 28.27)), resolvers: try HistoricalResolvers(store: store)))
    }

    static func request(dispatch: Bool = false, lead: String? = nil, assisting: [String] = [], deadline: Instant? = nil,
                        participants: [String] = ["派出所", "应急管理站", "王副镇长"], decision: String = "联合整治") -> ConsultationRequest {
        ConsultationRequest(heldAt: "2026-03-01T08:30:00.000Z", participants: participants, decision: decision, leadOffice: lead,
                            assistingOffices: assisting, deadline: deadline, dispatch: dispatch)
    }

    @Test(arguments: Backend.all) func aConsultationIsRecordedWithItsParticipants(_ backend: Backend) throws {
        let (store, id) = try Self.reported(backend)
        let (event, consultation) = try store.consult(id, Self.request(lead: "派出所"), actor: "值班员", at: Self.at)
        #expect(event.status == .received, "recording alone moves nothing")
        #expect(event.consultations == [Consultation(id: consultation, eventID: id, heldAt: "2026-03-01T08:30:00.000Z",
                                                     offices: ["派出所", "应急管理站"], people: ["王副镇长"], decision: "联合整治",
                                                     leadOffice: "派出所", assistingOffices: [], deadlineAt: nil, recordedBy: "值班员",
                                                     recordedAt: Self.at)])
        #expect(event.history.last.map { ($0.action, $0.note) } ?? ("", nil) == ("consultation", "研判会商: 联合整治"))
        #expect(event.routing.office == "应急管理站", "without dispatching, the routing stays")
    }

    @Test(arguments: Backend.all) func aConsultationDispatchesToTheDecidedOffices(_ backend: Backend) throws {
        let (store, id) = try Self.reported(backend)
        let deadline: Instant = "2026-03-03T09:00:00.000Z"
        let (event, _) = try store.consult(id, Self.request(dispatch: true, lead: "派出所", assisting: ["综合行政执法队", "民政办"],
                                                            deadline: deadline), actor: "值班员", at: Self.at)
        #expect(event.status == .dispatched)
        #expect(event.routing.office == "派出所" && event.routing.overriddenBy == "值班员")
        #expect(event.routing.overrideReason == "研判会商: 联合整治")
        #expect(event.tasks.map(\.office) == ["派出所", "综合行政执法队", "民政办"])
        #expect(event.tasks.map(\.lead) == [true, false, false])
        #expect(event.tasks.allSatisfy { $0.deadlineAt == deadline && $0.note == "联合整治" })
        #expect(event.history.dropFirst().map(\.action) == ["consultation", "transition", "transition", "task_assigned", "task_assigned", "task_assigned"])
        #expect(event.history[1].note == "研判会商: 联合整治; 单位 应急管理站 → 派出所")
        #expect(event.history.compactMap(\.to) == [.received, .triaged, .dispatched])
    }

    @Test(arguments: Backend.all) func refusedConsultationsStoreNothing(_ backend: Backend) throws {
        let (store, id) = try Self.reported(backend)
        let consult = { (request: ConsultationRequest) in try store.consult(id, request, actor: "值班员", at: Self.at) }
        #expect(throws: ConsultationError.noParticipants) { try consult(Self.request(participants: [" "])) }
        #expect(throws: ConsultationError.noDecision) { try consult(Self.request(decision: "  ")) }
        #expect(throws: ConsultationError.leadOfficeRequired) { try consult(Self.request(dispatch: true)) }
        #expect(throws: ConsultationError.self) { try consult(Self.request(lead: "县公安局")) }
        #expect(throws: TaskError.deadlineNotAfterNow) { try consult(Self.request(deadline: "2026-03-01T08:00:00.000Z")) }
        var future = Self.request()
        future.heldAt = "2026-03-02T09:00:00.000Z"
        #expect(throws: ConsultationError.heldInFuture) { try store.consult(id, future, actor: "值班员", at: Self.at) }
        _ = try store.transition(id, to: .triaged, actor: "值班员", note: nil, at: Self.at)
        _ = try store.transition(id, to: .dispatched, actor: "值班员", note: nil, at: Self.at)
        #expect(throws: ConsultationError.alreadyDispatched(.dispatched)) {
            try store.consult(id, Self.request(dispatch: true, lead: "派出所"), actor: "值班员", at: Self.at)
        }
        let event = try #require(try store.event(id))
        #expect(event.consultations.isEmpty && event.routing.office == "应急管理站")
    }

    @Test(arguments: Backend.all) func aReturnedEventIsDispatchedAgainByAConsultation(_ backend: Backend) throws {
        let (store, id) = try Self.reported(backend)
        // The decided lead is the rules' own office: nothing is overridden.
        let (first, _) = try store.consult(id, Self.request(dispatch: true, lead: "应急管理站"), actor: "值班员", at: Self.at)
        #expect(first.routing.overriddenBy == nil && first.tasks.map(\.office) == ["应急管理站"])
        _ = try store.transition(id, to: .returned, actor: "值班员", note: nil, at: "2026-03-01T10:00:00.000Z")
        let (again, _) = try store.consult(id, Self.request(dispatch: true, lead: "派出所", assisting: ["应急管理站"]), actor: "值班员",
                                           at: "2026-03-01T11:00:00.000Z")
        #expect(again.status == .dispatched && again.routing.office == "派出所")
        #expect(again.tasks.map(\.office) == ["应急管理站", "派出所", "应急管理站"])
        #expect(again.tasks.map(\.status) == [.cancelled, .assigned, .assigned], "fresh tasks after the return")
        #expect(again.consultations.count == 2)
    }
}
