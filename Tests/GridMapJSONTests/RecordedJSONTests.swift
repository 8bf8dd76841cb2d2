import Foundation
import GridMapCore
import GridMapJSON
import Testing

/// Records are written once (members in name order, absent optionals left out) and read back equal.
@Suite struct RecordedJSONTests {
    @Test func routingIsWrittenInNameOrderAndReadsBackEqual() throws {
        let routing = RecordedRouting(category: .init(code: "fire.ebike", name: "电动车"), deadlineHours: 12,
                                      platform: .init(code: "PAFZ", name: "平安法治"), lead: "组长", office: nil,
                                      assisting: [.init(code: "GGFW", name: "公共服务")], model: "2022", rule: "fire",
                                      place: "village 331102102222", note: "见\"说明\"")
        let text = RecordedJSON.routing(routing)
        #expect(text == #"{"assisting":[{"code":"GGFW","name":"公共服务"}],"category":{"code":"fire.ebike","name":"电动车"},"deadline_hours":12,"lead":"组长","model":"2022","note":"见\"说明\"","place":"village 331102102222","platform":{"code":"PAFZ","name":"平安法治"},"rule":"fire"}"#)
        #expect(try JSONDecoder().decode(RecordedRouting.self, from: Data(text.utf8)) == routing)
    }

    @Test func peopleAndTheDutyLeaderReadBackEqual() throws {
        let person = RecordedPerson(Person(role: .gridMember, name: "徐静", phone: "13800000001", unitCode: "331102102001001", post: .b))
        let text = RecordedJSON.people([person])
        #expect(text == #"[{"name":"徐静","phone":"13800000001","post":"B","role":"网格员","unit":"331102102001001"}]"#)
        #expect(try JSONDecoder().decode([RecordedPerson].self, from: Data(text.utf8)) == [person])
        let leader = DutyDay(date: "2026-03-01", name: "王强", phone: "13900000000")
        #expect(try JSONDecoder().decode(DutyDay.self, from: Data(RecordedJSON.dutyLeader(leader).utf8)) == leader)
    }
}
