import Foundation
import GridMapCore
import Testing

/// What is recorded with events reads back from every shape stores have held.
@Suite struct RecordedRoutingTests {
    /// The first schema (commit af8172c) stored the whole platform (its lead and offices) and the whole category.
    @Test func theFirstShapeKeptTheLeadInsideThePlatform() throws {
        let stored = #"{"category":{"code":"c","name":"类","parent":null},"platform":{"code":"A","name":"平台","lead":"组长","offices":["x"]},"assisting":[],"model":"m","rule":"c","place":"everywhere","deadline_hours":24}"#
        let routing = try JSONDecoder().decode(RecordedRouting.self, from: Data(stored.utf8))
        #expect(routing.lead == "组长" && routing.platform == .init(code: "A", name: "平台"))
        #expect(routing.deadlineHours == 24 && routing.office == nil && routing.note == nil)
    }

    /// Before AB岗 (schema v4) people had no post: they held post A.
    @Test func peopleRecordedBeforeABPostsHoldPostA() throws {
        let stored = #"[{"name":"甲","phone":"13800000000","role":"网格员","unit":"331102102001001"}]"#
        let people = try JSONDecoder().decode([RecordedPerson].self, from: Data(stored.utf8))
        #expect(people.map(\.post) == [.a] && people.map(\.role) == [.gridMember] && people.map(\.unit) == ["331102102001001"])
    }
}
