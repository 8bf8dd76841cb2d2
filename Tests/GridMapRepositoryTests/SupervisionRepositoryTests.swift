import Foundation
import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// 督办 on every backend, driven by explicit instants (the clock): stage windows with their
/// lights, 催办 and 督办 from the sweep, answers, 延期 and 挂账; times hand-computed from the
/// default rules (triage 2 h, acceptance 4 h, yellow at 80 %, 督办 after 24 h at 催办).
@Suite struct SupervisionRepositoryTests {
    /// An e-bike fire report (12 h deadline) recorded at 08:00Z: its store and id.
    static func reported(_ backend: Backend) throws -> (store: any GridMapRepository, id: Int64) {
        let store = try backend.repository(with: ["dagangtou"])
        let id = try store.record(.test("fire.ebike", at: Coordinate(119.72, 28.27)), resolvers: try HistoricalResolvers(store: store))
        return (store, id)
    }

    @Test(arguments: Backend.all) func theClockWalksAnEventFromGreenToRedThroughTheLevelsAndBackToGreen(_ backend: Backend) throws {
        let (store, id) = try Self.reported(backend)
        let event = try #require(try store.event(id))
        #expect(event.supervision.window.map { [$0.startedAt, $0.warnAt, $0.dueAt] }
                == ["2026-03-01T08:00:00.000Z", "2026-03-01T09:36:00.000Z", "2026-03-01T10:00:00.000Z"])
        #expect(event.light(at: "2026-03-01T09:35:59.999Z") == .green)
        #expect(event.light(at: "2026-03-01T09:36:00.000Z") == .yellow)
        #expect(event.light(at: "2026-03-01T10:00:00.000Z") == .red)
        #expect(try store.sweepSupervision(at: "2026-03-01T09:59:59.000Z") == SupervisionSweep())

        #expect(try store.sweepSupervision(at: "2026-03-01T10:00:00.000Z") == SupervisionSweep(urged: 1, escalated: 0))
        #expect(try store.sweepSupervision(at: "2026-03-01T10:01:00.000Z") == SupervisionSweep(), "催办 once a stage")
        var urged = try #require(try store.event(id))
        #expect(urged.supervision.level == .urged && urged.history.last?.action == "supervision" && urged.history.last?.actor == "system")
        let notice = try #require(urged.supervision.records.first)
        #expect(notice.level == .urged && notice.stage == .triage && !notice.awaitsReply)
        #expect(throws: SupervisionError.replyNotExpected(.urged)) {
            try store.reply(id, to: notice.id, text: "收到", actor: "司法所", at: "2026-03-01T10:05:00.000Z")
        }

        // Red for 24 h after 催办: 督办 follows by itself, once.
        #expect(try store.sweepSupervision(at: "2026-03-02T09:59:59.000Z") == SupervisionSweep())
        #expect(try store.sweepSupervision(at: "2026-03-02T10:00:00.000Z") == SupervisionSweep(urged: 0, escalated: 1))
        #expect(try store.sweepSupervision(at: "2026-03-03T10:00:00.000Z") == SupervisionSweep())
        urged = try #require(try store.event(id))
        let order = try #require(urged.supervision.records.last)
        #expect(urged.supervision.level == .supervised && order.level == .supervised && order.awaitsReply)
        #expect(throws: SupervisionError.alreadyIssued(.supervised, record: order.id)) {
            try store.supervise(id, level: 2, note: nil, actor: "值班员", at: "2026-03-02T10:01:00.000Z")
        }
        #expect(throws: SupervisionError.levelNotIssuable(1)) {
            try store.supervise(id, level: 1, note: nil, actor: "值班员", at: "2026-03-02T10:01:00.000Z")
        }
        let answered = try store.reply(id, to: order.id, text: "已安排专人处理", actor: "应急办", at: "2026-03-02T10:02:00.000Z")
        #expect(answered.reply == "已安排专人处理" && !answered.awaitsReply)
        #expect(throws: SupervisionError.alreadyReplied(record: order.id)) {
            try store.reply(id, to: order.id, text: "again", actor: "应急办", at: "2026-03-02T10:03:00.000Z")
        }

        // 延期: asked until a time after now and the stage's deadline, approved by a leader.
        #expect(throws: SupervisionError.notLater(field: "until", than: "2026-03-02T10:05:00.000Z")) {
            try store.requestExtension(id, until: "2026-03-02T10:00:00.000Z", reason: "需现场勘查", actor: "应急办", at: "2026-03-02T10:05:00.000Z")
        }
        let asked = try store.requestExtension(id, until: "2026-03-03T10:00:00.000Z", reason: "需现场勘查", actor: "应急办",
                                               at: "2026-03-02T10:05:00.000Z")
        #expect(throws: SupervisionError.extensionPending(asked.id)) {
            try store.requestExtension(id, until: "2026-03-04T10:00:00.000Z", reason: "x", actor: "应急办", at: "2026-03-02T10:06:00.000Z")
        }
        #expect(try store.extensions(.pending, within: .everywhere).map(\.id) == [asked.id])
        let approved = try store.decideExtension(id, extension: asked.id, approve: true, note: "同意", actor: "镇长",
                                                 at: "2026-03-02T10:10:00.000Z")
        #expect(approved.status == .approved && approved.decidedBy == "镇长")
        #expect(try store.extensions(.pending, within: .everywhere).isEmpty)
        #expect(throws: SupervisionError.extensionDecided(asked.id, .approved)) {
            try store.decideExtension(id, extension: asked.id, approve: false, note: nil, actor: "镇长", at: "2026-03-02T10:11:00.000Z")
        }
        let extended = try #require(try store.event(id))
        // 50 h from 03-01 08:00 to 03-03 10:00: yellow at 40 h.
        #expect(extended.supervision.window.map { [$0.warnAt, $0.dueAt] } == ["2026-03-03T00:00:00.000Z", "2026-03-03T10:00:00.000Z"])
        #expect(extended.deadlineAt == "2026-03-03T10:00:00.000Z", "the overall deadline follows an extension past it")
        #expect(extended.light(at: "2026-03-02T10:10:00.000Z") == .green)
        #expect(extended.history.suffix(2).map(\.action) == ["extension_requested", "extension_approved"])
        #expect(extended.supervision.level == .supervised, "the level reached stays")

        // The next stage starts afresh: the lead office has 4 h to accept.
        _ = try store.transition(id, to: .triaged, actor: "值班员", note: nil, at: "2026-03-02T10:20:00.000Z")
        let dispatched = try store.transition(id, to: .dispatched, actor: "值班员", note: nil, at: "2026-03-02T10:30:00.000Z")
        #expect(dispatched.supervision.window.map { [$0.startedAt, $0.dueAt] } == ["2026-03-02T10:30:00.000Z", "2026-03-02T14:30:00.000Z"])
        #expect(dispatched.supervision.window?.stage == .acceptance && dispatched.supervision.currentRecords.isEmpty)
        #expect(try store.sweepSupervision(at: "2026-03-02T14:30:00.000Z") == SupervisionSweep(urged: 1, escalated: 0))
    }

    @Test(arguments: Backend.all) func aParkedEventIsNeitherLitRedNorOverdueAndItsDeadlineWaits(_ backend: Backend) throws {
        let (store, id) = try Self.reported(backend)
        _ = try store.transition(id, to: .triaged, actor: "值班员", note: nil, at: "2026-03-01T09:00:00.000Z")
        #expect(throws: SupervisionError.parkingRequired) {
            try store.transition(id, to: .parked, actor: "值班员", note: nil, at: "2026-03-01T09:10:00.000Z")
        }
        #expect(throws: SupervisionError.reasonRequired) {
            try store.park(id, reason: " ", review: "2026-03-10T16:00:00.000Z", actor: "镇长", at: "2026-03-01T09:10:00.000Z")
        }
        let parked = try store.park(id, reason: "待汛期后处理", review: "2026-03-10T16:00:00.000Z", actor: "镇长", at: "2026-03-01T10:00:00.000Z")
        #expect(parked.status == .parked && parked.supervision.window?.stage == .parked)
        #expect(parked.light(at: "2026-03-05T00:00:00.000Z") == .green && !parked.isOverdue(at: "2026-03-05T00:00:00.000Z"))
        #expect(try store.sweepSupervision(at: "2026-03-05T00:00:00.000Z") == SupervisionSweep(), "parked events are not urged")
        var overdue = EventQuery()
        overdue.overdueAt = "2026-03-05T00:00:00.000Z"
        #expect(try store.events(overdue).isEmpty)
        var red = EventQuery()
        red.light = (.red, "2026-03-05T00:00:00.000Z")
        #expect(try store.events(red).isEmpty)
        red.light = (.green, "2026-03-05T00:00:00.000Z")
        #expect(try store.events(red).map(\.id) == [id])
        let stats = try store.eventFactsTable().stats(by: .town, from: "2026-01-01T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z",
                                                       now: "2026-03-05T00:00:00.000Z")
        #expect(stats.map { [$0.received, $0.overdue, $0.parked] } == [[1, 0, 1]])
        #expect(throws: SupervisionError.notSupervisable(.parked)) {
            try store.supervise(id, level: 2, note: nil, actor: "值班员", at: "2026-03-05T00:00:00.000Z")
        }

        // Back in the loop after 4 days parked: the 12 h deadline (20:00Z on 03-01) moves 4 days on.
        let back = try store.transition(id, to: .triaged, actor: "值班员", note: "复查后重新研判", at: "2026-03-05T10:00:00.000Z")
        #expect(back.deadlineAt == "2026-03-05T20:00:00.000Z")
        #expect(back.supervision.window.map { [$0.stage.rawValue, $0.dueAt?.iso] } == ["triage", "2026-03-05T12:00:00.000Z"])
        #expect(back.history.suffix(2).compactMap(\.to) == [.parked, .triaged])
        red.light = (.red, "2026-03-05T12:00:00.000Z")
        #expect(try store.events(red).map(\.id) == [id])
    }

    @Test(arguments: Backend.all) func theSweepUrgesInBatchesOnlyWhatIsRed(_ backend: Backend) throws {
        let (store, first) = try Self.reported(backend)
        let second = try store.record(.test("fire.ebike", at: Coordinate(119.72, 28.27)), resolvers: try HistoricalResolvers(store: store))
        let third = try store.record(.test("fire.ebike", at: Coordinate(119.72, 28.27)), resolvers: try HistoricalResolvers(store: store))
        #expect(try store.supervisionCandidates(at: "2026-03-01T10:00:00.000Z").map(\.eventID) == [first, second, third])
        _ = try store.transition(third, to: .triaged, actor: "值班员", note: nil, at: "2026-03-01T09:00:00.000Z")
        _ = try store.transition(third, to: .dispatched, actor: "值班员", note: nil, at: "2026-03-01T09:30:00.000Z")
        #expect(try store.sweepSupervision(at: "2026-03-01T10:00:00.000Z", batch: 1) == SupervisionSweep(urged: 2, escalated: 0),
                "the dispatched one is in a new stage, green")
        #expect(try [first, second, third].map { try store.event($0)?.supervision.level } == [.urged, .urged, SupervisionLevel.none])
    }
}
