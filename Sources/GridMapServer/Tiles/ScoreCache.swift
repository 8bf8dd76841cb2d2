import GridMapCore
import Synchronization

/// Grid scores by assessment (town, period, revisions), each kept 30 s: an adjustment shows within that.
final class ScoreCache: Sendable {
    typealias Scores = [String: (score: Double, rank: Int)]
    private let held = Mutex<[String: (at: Instant, scores: Scores)]>([:])

    func value(for key: String, now: Instant, compute: () throws -> Scores) throws -> Scores {
        if let hit = held.withLock({ $0[key] }), now.milliseconds - hit.at.milliseconds < 30_000 { return hit.scores }
        let scores = try compute()
        held.withLock { cache in
            cache = cache.filter { now.milliseconds - $0.value.at.milliseconds < 30_000 }
            cache[key] = (now, scores)
        }
        return scores
    }
}
