import Foundation
import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// The offices' tasks (联勤联动) on every backend: given at dispatch from the routing, their own
/// loop, what the lead office's moves do to the event, resolution held while any is open.
@Suite struct TaskRepositoryTests {
    /// A repository with dagangtou imported, and what the tests share.
    struct Subject {
        let store: any GridMapRepository
        let resolvers: HistoricalResolvers
        /// A labour dispute at (119.72, 28.27): dagangtou's platforms.json routes it to 平安法治's
        /// 社会治理中心 with 公共服务 assisting, whose first office is 便民服务中心; due in 48 h.
        let labour: Int64

        init(_ backend: Backend) throws {
            store = try backend.repository(with: ["dagangtou"])
            resolvers = try HistoricalResolvers(store: store)
            labour = try store.record(.test("dispute.labour", at: Coordinate(119.72, 28.27)), resolvers: resolvers)
        }

        func dispatch(_ id: Int64, at now: Instant = "2026-03-01T09:00:00.000Z") throws -> EventRecord {
            _ = try store.transition(id, to: .triaged, actor: "值班员", note: nil, at: now)
            return try store.transition(id, to: .dispatched, actor: "值班员", note: nil, at: now)
        }
    }

    @Test(arguments: Backend.all) func dispatchingGivesTheLeadAndEachAssistingOfficeATask(_ backend: Backend) throws {
        let t = try Subject(backend)
        let event = try t.dispatch(t.labour)
        #expect(event.tasks.map(\.office) == ["社会治理中心", "便民服务中心"])
        #expect(event.tasks.map(\.lead) == [true, false])
        #expect(event.tasks.allSatisfy { $0.status == .assigned && $0.deadlineAt == "2026-03-03T08:00:00.000Z" })
        #expect(event.tasks.allSatisfy { $0.assignedBy == "值班员" && $0.assignedAt == "2026-03-01T09:00:00.000Z" })
        let assigned = event.history.filter { $0.action == "task_assigned" }
        #expect(assigned.map(\.task) == event.tasks.map(\.id))
        #expect(assigned.map(\.note) == ["社会治理中心", "便民服务中心"])
    }

    @Test(arguments: Backend.all) func everyLegalAndIllegalMoveOfATaskIsChecked(_ backend: Backend) throws {
        let t = try Subject(backend)
        let task = try #require(try t.dispatch(t.labour).tasks.last)
        let walk: [TaskStatus] = [.accepted, .done]
        var current = TaskStatus.assigned
        for next in walk {
            for illegal in TaskStatus.allCases where !current.allowedNext.contains(illegal) {
                #expect(throws: TaskError.illegalTransition(from: current, to: illegal)) {
                    try t.store.moveTask(task.id, of: t.labour, to: illegal, reason: "x", actor: "x", at: "2026-03-01T10:00:00.000Z")
                }
            }
            let moved = try t.store.moveTask(task.id, of: t.labour, to: next, reason: nil, actor: "便民服务中心", at: "2026-03-01T10:00:00.000Z")
            #expect(moved.tasks.last?.status == next)
            current = next
        }
        let done = try #require(try t.store.event(t.labour)?.tasks.last)
        #expect(done.acceptedAt == "2026-03-01T10:00:00.000Z" && done.closedAt == "2026-03-01T10:00:00.000Z")
        #expect(throws: TaskError.notFound(event: t.labour, task: 999)) {
            try t.store.moveTask(999, of: t.labour, to: .accepted, reason: nil, actor: "x", at: "2026-03-01T10:00:00.000Z")
        }
        let lead = try #require(try t.store.event(t.labour)?.tasks.first)
        for status in [TaskStatus.rejected, .cancelled] {
            for blank in [nil, "", "  "] as [String?] {
                #expect(throws: TaskError.reasonRequired(status)) {
                    try t.store.moveTask(lead.id, of: t.labour, to: status, reason: blank, actor: "x", at: "2026-03-01T10:00:00.000Z")
                }
            }
        }
    }

    @Test(arguments: Backend.all) func anEventIsResolvedOnlyOnceEveryTaskIsClosed(_ backend: Backend) throws {
        let t = try Subject(backend)
        let tasks = try t.dispatch(t.labour).tasks
        _ = try t.store.transition(t.labour, to: .inProgress, actor: "值班员", note: nil, at: "2026-03-01T10:00:00.000Z")
        #expect(throws: EventError.openTasks(tasks.map(OpenTask.init))) {
            try t.store.transition(t.labour, to: .resolved, actor: "值班员", note: nil, at: "2026-03-01T11:00:00.000Z")
        }
        _ = try t.store.moveTask(tasks[1].id, of: t.labour, to: .cancelled, reason: "无需协办", actor: "值班员", at: "2026-03-01T11:00:00.000Z")
        var lead = tasks[0]
        lead.status = .assigned
        #expect(throws: EventError.openTasks([OpenTask(lead)])) {
            try t.store.transition(t.labour, to: .resolved, actor: "值班员", note: nil, at: "2026-03-01T11:00:00.000Z")
        }
        try t.store.finishTasks(of: t.labour, at: "2026-03-01T12:00:00.000Z")
        let resolved = try t.store.transition(t.labour, to: .resolved, actor: "值班员", note: nil, at: "2026-03-01T13:00:00.000Z")
        #expect(resolved.status == .resolved)
        #expect(resolved.tasks.map(\.status) == [.done, .cancelled])
        #expect(resolved.history.map(\.seq) == Array(1...resolved.history.count), "history has no gap")
        #expect(resolved.history.map(\.at) == resolved.history.map(\.at).sorted(), "history in time order")
    }

    @Test(arguments: Backend.all) func theLeadOfficesAcceptanceStartsHandlingAndItsRejectionReturnsTheEvent(_ backend: Backend) throws {
        let t = try Subject(backend)
        let tasks = try t.dispatch(t.labour).tasks
        let accepted = try t.store.moveTask(tasks[0].id, of: t.labour, to: .accepted, reason: nil, actor: "社会治理中心",
                                          at: "2026-03-01T10:00:00.000Z")
        #expect(accepted.status == .inProgress)
        #expect(accepted.history.last?.from == .dispatched && accepted.history.last?.to == .inProgress)
        #expect(accepted.history.last?.note == "牵头单位社会治理中心签收")

        let returned = try t.store.moveTask(tasks[0].id, of: t.labour, to: .rejected, reason: "不属本单位职责", actor: "社会治理中心",
                                          at: "2026-03-01T11:00:00.000Z")
        #expect(returned.status == .returned)
        #expect(returned.tasks.map(\.status) == [.rejected, .cancelled], "the assisting task is withdrawn with the event")
        #expect(returned.tasks[0].reason == "不属本单位职责" && returned.tasks[1].reason == "事件退回研判")
        #expect(returned.history.suffix(3).map(\.action) == ["task_rejected", "transition", "task_cancelled"])

        let again = try t.dispatch(t.labour, at: "2026-03-01T12:00:00.000Z")
        #expect(again.tasks.filter(\.status.isOpen).map(\.office) == ["社会治理中心", "便民服务中心"], "a fresh pair")
        #expect(again.tasks.count == 4)
    }

    @Test(arguments: Backend.all) func theCommandRoomGivesMoreTasksToKnownOfficesOnly(_ backend: Backend) throws {
        let t = try Subject(backend)
        #expect(throws: TaskError.eventNotInHandling(.received)) {
            try t.store.assignTask(event: t.labour, office: "司法所", note: nil, deadline: nil, actor: "值班员", at: "2026-03-01T09:00:00.000Z")
        }
        let lead = try #require(try t.dispatch(t.labour).tasks.first)
        #expect(throws: TaskError.officeHasOpenTask("社会治理中心", task: lead.id)) {
            try t.store.assignTask(event: t.labour, office: "社会治理中心", note: nil, deadline: nil, actor: "值班员", at: "2026-03-01T09:30:00.000Z")
        }
        #expect(throws: TaskError.self) {
            try t.store.assignTask(event: t.labour, office: "县人社局", note: nil, deadline: nil, actor: "值班员", at: "2026-03-01T09:30:00.000Z")
        }
        #expect(throws: TaskError.deadlineNotAfterNow) {
            try t.store.assignTask(event: t.labour, office: "司法所", note: nil, deadline: "2026-03-01T09:30:00.000Z", actor: "值班员",
                                 at: "2026-03-01T09:30:00.000Z")
        }
        let (event, id) = try t.store.assignTask(event: t.labour, office: "司法所", note: "调解协助", deadline: "2026-03-02T09:00:00.000Z",
                                               actor: "值班员", at: "2026-03-01T09:30:00.000Z")
        let task = try #require(event.tasks.first { $0.id == id })
        #expect(task.office == "司法所" && !task.lead && task.note == "调解协助" && task.deadlineAt == "2026-03-02T09:00:00.000Z")
        #expect(event.history.last?.action == "task_assigned" && event.history.last?.note == "司法所: 调解协助")
        let elsewhere = AccessScope.village("000000000000")
        #expect(throws: ScopeError.self) {
            try t.store.assignTask(event: t.labour, office: "民政办", note: nil, deadline: nil, actor: "值班员", at: "2026-03-01T09:30:00.000Z",
                                 within: elsewhere)
        }
        #expect(try t.store.event(t.labour)?.tasks.count == 3, "a refused task stores nothing")
    }

    @Test(arguments: Backend.all) func officeStatisticsCountTheTasksAssignedInThePeriod(_ backend: Backend) throws {
        let t = try Subject(backend)
        let fire = try t.store.record(.test("fire.ebike", at: Coordinate(119.72, 28.27)), resolvers: t.resolvers)
        let tasks = try t.dispatch(t.labour).tasks
        // 社会治理中心: done in 3 h (on time); 便民服务中心: rejected.
        _ = try t.store.moveTask(tasks[0].id, of: t.labour, to: .accepted, reason: nil, actor: "o", at: "2026-03-01T10:00:00.000Z")
        _ = try t.store.moveTask(tasks[0].id, of: t.labour, to: .done, reason: nil, actor: "o", at: "2026-03-01T12:00:00.000Z")
        _ = try t.store.moveTask(tasks[1].id, of: t.labour, to: .rejected, reason: "非本单位", actor: "o", at: "2026-03-01T12:00:00.000Z")
        // The fire's lead office finishes after its 12 h deadline (2026-03-01T20:00Z): late.
        let fireTasks = try t.dispatch(fire).tasks
        let fireTask = try #require(fireTasks.first)
        #expect(fireTasks.count == 1 && fireTask.office == "应急管理站")
        try t.store.finishTasks(of: fire, at: "2026-03-02T03:00:00.000Z")
        let facts = try t.store.taskFacts(assignedFrom: "2026-03-01T00:00:00.000Z", to: "2026-03-02T00:00:00.000Z", town: nil)
        let stats = OfficeStats.of(facts, now: "2026-03-05T00:00:00.000Z")
        var centre = OfficeStats(office: "社会治理中心"), service = OfficeStats(office: "便民服务中心")
        var fireOffice = OfficeStats(office: fireTask.office)
        centre.received = 1; centre.done = 1; centre.onTime = 1; centre.medianHours = 3
        service.received = 1; service.rejected = 1
        fireOffice.received = 1; fireOffice.done = 1; fireOffice.medianHours = 18
        #expect(stats == [centre, service, fireOffice].sorted { $0.office < $1.office })
        #expect(try t.store.taskFacts(assignedFrom: "2026-03-02T00:00:00.000Z", to: "2026-03-03T00:00:00.000Z", town: nil).isEmpty)
        #expect(try t.store.taskFacts(assignedFrom: "2026-03-01T00:00:00.000Z", to: "2026-03-02T00:00:00.000Z", town: "330000000000").isEmpty)
    }

    @Test(arguments: Backend.all) func onlyTheLeadOfficesMovesMoveTheEventAndAReturnWithdrawsOpenTasks(_ backend: Backend) throws {
        let t = try Subject(backend)
        let tasks = try t.dispatch(t.labour).tasks
        let assisting = try t.store.moveTask(tasks[1].id, of: t.labour, to: .rejected, reason: "非本单位", actor: "o", at: "2026-03-01T10:00:00.000Z")
        #expect(assisting.status == .dispatched, "an assisting office's rejection leaves the event where it is")
        let withdrawn = try t.store.moveTask(tasks[0].id, of: t.labour, to: .cancelled, reason: "改由会商决定", actor: "值班员",
                                             at: "2026-03-01T10:00:00.000Z")
        #expect(withdrawn.status == .dispatched, "withdrawing the lead task leaves the event where it is")
        let (event, extra) = try t.store.assignTask(event: t.labour, office: "司法所", note: nil, deadline: nil, actor: "值班员",
                                                    at: "2026-03-01T10:30:00.000Z")
        _ = try t.store.moveTask(extra, of: t.labour, to: .accepted, reason: "ignored", actor: "司法所", at: "2026-03-01T11:00:00.000Z")
        #expect(event.status == .dispatched)
        #expect(try t.store.event(t.labour)?.tasks.last?.reason == nil, "a reason is kept only for a rejection or withdrawal")
        let returned = try t.store.transition(t.labour, to: .returned, actor: "值班员", note: "重新研判", at: "2026-03-01T12:00:00.000Z")
        #expect(returned.tasks.map(\.status) == [.cancelled, .rejected, .cancelled], "the open task is withdrawn with the return")
        #expect(returned.tasks.last?.reason == "事件退回研判")
    }
}
