import GridMapCore
import GridMapGeometry
import Testing

/// The loop's rule for one move, without a store: legality, `closed_at`, and the duty leader a
/// dispatch names (the Beijing day of the move, not the UTC one).
@Suite struct EventStatusChangeTests {
    func event(_ status: EventStatus, town: String? = "331102102000", closedAt: Instant? = nil) -> EventRecord {
        EventRecord(id: 7, category: "fire.ebike", description: "", input: Coordinate(119.72, 28.27), crs: "wgs84",
                    point: Coordinate(119.72, 28.27), reportedAt: "2026-03-01T08:00:00.000Z", source: "grid_member",
                    reporter: "", gridCode: nil, villageCode: nil, townCode: town, platformCode: "PAFZ",
                    routing: RecordedRouting(category: .init(code: "fire.ebike", name: "电动车"), deadlineHours: nil,
                                             platform: .init(code: "PAFZ", name: "平安法治"), lead: "", office: nil, assisting: [],
                                             model: "2022", rule: "fire.ebike", place: "everywhere", note: nil),
                    people: [], deadlineAt: nil, status: status, supervision: EventSupervision(), closedAt: closedAt,
                    dutyLeader: nil, history: [])
    }

    @Test func onlyTheLoopsNextStatusesAreLegal() throws {
        for from in EventStatus.allCases {
            for to in EventStatus.allCases {
                let make = { try EventStatusChange(event(from), to: to, actor: "a", note: "理由", at: "2026-03-02T00:00:00.000Z") { _, _ in nil } }
                if from.allowedNext.contains(to) {
                    #expect(try make().to == to)
                } else {
                    #expect(throws: EventError.illegalTransition(from: from, to: to)) { try make() }
                }
            }
        }
    }

    @Test func closingKeepsTheFirstCloseAndReopeningClearsIt() throws {
        let resolved = try EventStatusChange(event(.inProgress), to: .resolved, actor: "a", note: nil, at: "2026-03-02T00:00:00.000Z") { _, _ in nil }
        #expect(resolved.closedAt == "2026-03-02T00:00:00.000Z")
        let evaluated = try EventStatusChange(event(.resolved, closedAt: "2026-03-02T00:00:00.000Z"), to: .evaluated, actor: "a",
                                              note: nil, at: "2026-03-05T00:00:00.000Z") { _, _ in nil }
        #expect(evaluated.closedAt == "2026-03-02T00:00:00.000Z")
        let returned = try EventStatusChange(event(.resolved, closedAt: "2026-03-02T00:00:00.000Z"), to: .returned, actor: "a",
                                             note: nil, at: "2026-03-05T00:00:00.000Z") { _, _ in nil }
        #expect(returned.closedAt == nil)
    }

    @Test func aDispatchNamesTheDutyLeaderOfTheBeijingDay() throws {
        var asked: [String] = []
        let leader = DutyDay(date: "2026-03-02", name: "王春磊", phone: "13900029401")
        // 17:30 UTC on 1 March is 01:30 on 2 March in Beijing.
        let change = try EventStatusChange(event(.triaged), to: .dispatched, actor: "调度员", note: "派往网格", at: "2026-03-01T17:30:00.000Z") { town, date in
            asked.append("\(town) \(date)")
            return leader
        }
        #expect(asked == ["331102102000 2026-03-02"])
        #expect(change.dutyLeader == leader && change.note == "派往网格; 值班领导 王春磊 13900029401")
        let noNote = try EventStatusChange(event(.triaged), to: .dispatched, actor: "a", note: nil, at: "2026-03-01T17:30:00.000Z") { _, _ in leader }
        #expect(noNote.note == "值班领导 王春磊 13900029401")
        let nobody = try EventStatusChange(event(.triaged), to: .dispatched, actor: "a", note: "x", at: "2026-03-01T17:30:00.000Z") { _, _ in nil }
        #expect(nobody.dutyLeader == nil && nobody.note == "x")
        let notDispatch = try EventStatusChange(event(.received), to: .triaged, actor: "a", note: nil, at: "2026-03-01T17:30:00.000Z") { _, _ in
            Issue.record("only a dispatch asks for the duty leader")
            return leader
        }
        #expect(notDispatch.dutyLeader == nil && notDispatch.note == nil)
        let noTown = try EventStatusChange(event(.triaged, town: nil), to: .dispatched, actor: "a", note: nil, at: "2026-03-01T17:30:00.000Z") { _, _ in leader }
        #expect(noTown.dutyLeader == nil)
    }

    @Test func escalatingAndTheCountysAnswerNeedANote() throws {
        for (from, to) in [(EventStatus.triaged, EventStatus.escalated), (.inProgress, .escalated), (.escalated, .returned), (.escalated, .resolved)] {
            for note in [nil, "", "  "] {
                #expect(throws: CountyError.noteRequired(from == .escalated ? from : to)) {
                    try EventStatusChange(event(from), to: to, actor: "a", note: note, at: "2026-03-02T00:00:00.000Z") { _, _ in nil }
                }
            }
        }
        #expect(EventStatus.escalated.permissionToMoveOn == .linkCounty && EventStatus.triaged.permissionToMoveOn == .manageEvents)
    }
}
