import GridMapGeometry

/// How a sample event goes through the command room's loop: each step with its time, drawn
/// (deterministically for a seed) from what a town's days look like — most events triaged within
/// the hour, some late; offices accepting within hours, a few after a day (so the sweep urges and
/// supervises them, and they answer); some extensions, a few 督办 and 领导督办 by hand, a few
/// events parked for two weeks; handling within the deadline mostly; evaluations mostly
/// satisfied, a few dissatisfied ones handled again. For samples and benchmarks, not for tests'
/// expectations.
public struct LoopScript: Sendable {
    /// One move of the script; ``LoopScript`` gives their times.
    public enum Step: Sendable, Equatable {
        case triage, dispatch, acceptTasks, finishTasks, resolve
        /// 督办 (2) or 领导督办 (3).
        case supervise(level: Int)
        /// The office answers the supervision record awaiting it, if any.
        case reply
        case requestExtension(hours: Double)
        case decideExtension(approve: Bool)
        case park(reviewDays: Int)
        case unpark
        case evaluate(score: Int, satisfaction: Satisfaction)
    }

    public struct Action: Sendable, Equatable {
        public var at: Instant
        /// The event's position in the script's list.
        public var event: Int
        public var step: Step
    }

    /// The actions for events reported at `reported` (their deadline hours `deadlines`, nil
    /// without one), ordered by time.
    public static func actions(reported: [Instant], deadlines: [Int?], seed: UInt64) -> [Action] {
        var random = SplitMix64(seed: seed)
        var actions: [Action] = []
        for (i, start) in reported.enumerated() {
            var clock = start
            func then(_ hours: Double, _ step: Step) {
                clock = clock.adding(milliseconds: Int64(hours * 3_600_000))
                actions.append(Action(at: clock, event: i, step: step))
            }
            func chance(_ p: Double) -> Bool { Double(random.next() % 10_000) / 10_000 < p }
            func hours(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(random.next() % 10_000) / 10_000 }
            let deadline = Double(deadlines[i] ?? 72)
            var rounds = 1
            while rounds <= 2 {
                then(chance(0.12) ? hours(2.5, 6) : hours(0.1, 1.5), .triage)
                if rounds == 1 && chance(0.02) {
                    let days = 14
                    then(hours(1, 4), .park(reviewDays: days))
                    then(Double(days * 24) - hours(0, 24), .unpark)
                }
                then(hours(0.05, 0.5), .dispatch)
                let lateAcceptance = chance(0.08)
                if lateAcceptance {
                    then(hours(26, 30), .reply)
                    then(hours(0.2, 1), .acceptTasks)
                } else {
                    then(chance(0.1) ? hours(4.5, 8) : hours(0.3, 3), .acceptTasks)
                }
                var handling = deadline * (chance(0.1) ? hours(1.05, 1.6) : hours(0.2, 0.9))
                if chance(0.05) {
                    then(handling * 0.3, .supervise(level: chance(0.2) ? 3 : 2))
                    then(hours(1, 6), .reply)
                    handling *= 0.5
                }
                if chance(0.08) {
                    then(handling * 0.4, .requestExtension(hours: hours(24, 96)))
                    then(hours(1, 8), .decideExtension(approve: chance(0.75)))
                }
                then(handling, .finishTasks)
                then(hours(0.05, 0.5), .resolve)
                let satisfaction: Satisfaction = rounds == 1 && chance(0.06) ? .dissatisfied
                    : chance(0.85) ? .satisfied : .basicallySatisfied
                let score = satisfaction == .dissatisfied ? 1 + Int(random.next() % 2) : satisfaction == .satisfied ? 4 + Int(random.next() % 2) : 3
                then(hours(1, 48), .evaluate(score: score, satisfaction: satisfaction))
                rounds += satisfaction == .dissatisfied ? 1 : 2
            }
        }
        return actions.sorted { ($0.at, $0.event) < ($1.at, $1.event) }
    }
}
