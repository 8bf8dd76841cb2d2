import GridMapCore
import GridMapSpatiaLite

/// The 督办 side of the events benchmark, on its imported events (a tenth of them still open,
/// long past their deadlines: the unlucky path after importing a backlog): the first sweep,
/// which urges every open event; a sweep with nothing due; the one a day later, which escalates
/// them all; the first page of red events; the loop's statistics for the year.
enum SupervisionBench {
    static func run(_ store: SpatiaLiteStore, now: Instant, from: Instant) throws {
        for (label, at) in [("first sweep (urges every red event)", now), ("sweep with nothing due", now.adding(hours: 1)),
                            ("sweep a day later (escalates them)", now.adding(hours: 25))] {
            let swept = try measure { try store.sweepSupervision(at: at) }
            print("\(label): \(format(swept.seconds * 1000)) ms, \(swept.value.urged) 催办, \(swept.value.escalated) 督办")
        }
        var red = EventQuery()
        red.light = (.red, now)
        var best = Double.infinity
        for _ in 0..<5 { best = min(best, try measure { try store.events(red) }.seconds) }
        print("GET /v1/events?light=red, first page of 100 (query only): \(format(best * 1000)) ms")
        best = .infinity
        for _ in 0..<5 { best = min(best, try measure { try store.loopStats(from: from, to: now, town: nil) }.seconds) }
        print("loop statistics over the year (/v1/stats's loop): \(format(best * 1000)) ms")
    }
}
