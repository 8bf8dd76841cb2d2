import GridMapCore
import GridMapGeometry
import Testing

/// The hooks' rules: the retry schedule, what a registration accepts, and who a change notifies.
@Suite struct HookRulesTests {
    @Test func retriesDoubleUpToTheCapThenStop() {
        let policy = RetryPolicy(attempts: 6, firstDelay: .seconds(2), maxDelay: .seconds(10))
        #expect((1...6).map { policy.delay(after: $0) } == [.seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10), nil])
        #expect(RetryPolicy(attempts: 1).delay(after: 1) == nil)
    }

    @Test func aRegistrationNamesKnownTopicsAndTowns() throws {
        func register(_ url: String = "https://county.example/hook", secret: String = "0123456789abcdef", events: [String] = ["*"],
                      town: String? = nil, channel: String? = nil, template: String? = nil) throws(HookError) -> HookRegistration {
            try HookRegistration(url: url, secret: secret, events: events, town: town, channel: channel, template: template,
                                 knownTowns: ["331102102000"])
        }
        #expect(try register().topics == OutboxTopic.allCases)
        #expect(try register(events: ["supervision.issued", "event.escalated"]).topics == [.supervisionIssued, .eventEscalated])
        #expect(try register(channel: "sms", template: "m={phone}&t={text}").channel == .sms(template: "m={phone}&t={text}"))
        #expect(throws: HookError.invalidURL("file:///etc/passwd")) { try register("file:///etc/passwd") }
        #expect(throws: HookError.invalidURL("http://")) { try register("http://") }
        #expect(throws: HookError.secretTooShort) { try register(secret: "123456789012345") }
        #expect(throws: HookError.unknownTopic("event.*")) { try register(events: ["event.*"]) }
        #expect(throws: HookError.unknownTown("331102999000")) { try register(town: "331102999000") }
        #expect(throws: HookError.self) { try register(channel: "wecom", template: "{phone}{text}") }
    }

    @Test func theRecipientsFollowTheChange() {
        let onDuty = [Person(role: .gridMember, name: "李网格", phone: "13800000001", unitCode: "g1", post: .b),
                      Person(role: .liaisonCadre, name: "王联村", phone: "13800000002", unitCode: "v1")]
        let leader = DutyDay(date: "2026-03-01", name: "赵镇长", phone: "13800000003")
        var event = EventRecord(id: 7, category: "fire.ebike", description: "", input: Coordinate(119.72, 28.27), crs: "wgs84",
                                point: Coordinate(119.72, 28.27), reportedAt: "2026-03-01T08:00:00.000Z", source: "grid_member",
                                reporter: "", gridCode: "g1", villageCode: "v1", townCode: nil, platformCode: "PAFZ",
                                routing: RecordedRouting(category: .init(code: "fire.ebike", name: "电动车"), deadlineHours: 12,
                                                         platform: .init(code: "PAFZ", name: "平安法治"), lead: "", office: "应急管理站",
                                                         assisting: [], model: "2022", rule: "fire.ebike", place: "everywhere", note: nil),
                                people: [], deadlineAt: nil, status: .inProgress, supervision: EventSupervision(level: .none, window: nil),
                                closedAt: nil, dutyLeader: nil, history: [])
        event.tasks = [("综合执法队", TaskStatus.accepted), ("派出所", .done)].enumerated().map { n, task in
            EventTask(id: Int64(n + 1), eventID: 7, office: task.0, lead: n == 0, note: nil, deadlineAt: nil, status: task.1,
                      assignedAt: "2026-03-01T08:00:00.000Z", assignedBy: "值班员", acceptedAt: nil, closedAt: nil, reason: nil)
        }
        func names(_ topic: OutboxTopic) -> [String] {
            Notification(topic, event: event, onDuty: onDuty, dutyLeader: leader).recipients.map(\.name)
        }
        #expect(names(.eventCreated) == ["李网格"])
        #expect(names(.taskAssigned) == ["综合执法队", "李网格"])
        #expect(names(.supervisionIssued) == ["赵镇长", "综合执法队", "王联村"])
        #expect(names(.eventEscalated) == ["赵镇长", "综合执法队", "王联村"])
        #expect(names(.eventTriaged).isEmpty && names(.supervisionReplied).isEmpty)
        let text = Notification(.supervisionIssued, event: event, onDuty: onDuty, dutyLeader: nil).text
        #expect(text.hasPrefix("【督办】事件 #\(event.id) ") && text.contains("g1"))
    }
}
