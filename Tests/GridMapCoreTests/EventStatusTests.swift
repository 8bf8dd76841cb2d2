import GridMapCore
import Testing

/// The closed loop as a transition table, written out independently of `allowedNext`.
@Suite struct EventStatusTests {
    static let legal: Set<String> = [
        "received→triaged", "triaged→dispatched", "dispatched→in_progress", "dispatched→returned",
        "in_progress→resolved", "in_progress→returned", "resolved→evaluated", "resolved→returned", "returned→triaged",
        "triaged→parked", "dispatched→parked", "in_progress→parked", "returned→parked", "parked→triaged",
        "triaged→escalated", "in_progress→escalated", "escalated→returned", "escalated→resolved",
    ]

    @Test func everyPairIsLegalExactlyWhenTheLoopSaysSo() {
        for from in EventStatus.allCases {
            for to in EventStatus.allCases {
                #expect(from.allowedNext.contains(to) == Self.legal.contains("\(from.rawValue)→\(to.rawValue)"),
                        "\(from.rawValue) → \(to.rawValue)")
            }
        }
        #expect(EventStatus.evaluated.allowedNext.isEmpty)
        #expect(EventStatus.allCases.filter(\.isClosed) == [.resolved, .evaluated])
        #expect(EventStatus.allCases.filter(\.isHeld) == [.parked, .escalated])
    }
}
