import Foundation
import GridMapCore
import Testing

/// The routing recorded with events reads back from every shape stores have held.
@Suite struct RecordedRoutingTests {
    @Test func theCurrentShapeRoundTrips() throws {
        let routing = RecordedRouting(category: .init(code: "fire.ebike", name: "电动车"), deadlineHours: 12,
                                      platform: .init(code: "PAFZ", name: "平安法治"), lead: "组长", office: "应急管理站",
                                      assisting: [.init(code: "GGFW", name: "公共服务")], model: "2022", rule: "fire",
                                      place: "village 331102102222", note: nil)
        let json = try JSONEncoder().encode(routing)
        #expect(try JSONDecoder().decode(RecordedRouting.self, from: json) == routing)
        #expect(String(decoding: json, as: UTF8.self).contains(#""deadline_hours":12"#))
    }

    /// Before 2026-11-23 the whole platform (its lead and offices) and the whole category were stored.
    @Test func theFirstShapeKeptTheLeadInsideThePlatform() throws {
        let stored = #"{"category":{"code":"c","name":"类","parent":null},"platform":{"code":"A","name":"平台","lead":"组长","offices":["x"]},"assisting":[],"model":"m","rule":"c","place":"everywhere","deadline_hours":24}"#
        let routing = try JSONDecoder().decode(RecordedRouting.self, from: Data(stored.utf8))
        #expect(routing.lead == "组长" && routing.platform == .init(code: "A", name: "平台"))
        #expect(routing.deadlineHours == 24 && routing.office == nil && routing.note == nil)
    }
}
