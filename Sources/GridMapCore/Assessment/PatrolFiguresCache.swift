import Synchronization

/// Each grid's patrol figures of a town over a run of days, kept while nothing they depend on
/// changes: a period's coverage report unites every day's covered parts (seconds for a month),
/// and assessments, reports and score tiles ask for the same figures again and again. The key
/// holds the days' coverage runs (each day's track revision and computing time), the frequencies
/// and the boundaries' revision, so new patrols, a recomputed day or an edit miss the cache.
public final class PatrolFiguresCache: Sendable {
    private let held = Mutex<[String: [String: AssessmentFacts.Patrol]]>([:])
    /// Figures kept at most (oldest dropped first is not tracked: the cache is cleared when full).
    private let capacity: Int

    public init(capacity: Int = 64) { self.capacity = capacity }

    func figures(for key: String, compute: () throws -> [String: AssessmentFacts.Patrol]) throws -> [String: AssessmentFacts.Patrol] {
        if let hit = held.withLock({ $0[key] }) { return hit }
        let figures = try compute()
        held.withLock { cache in
            if cache.count >= capacity { cache.removeAll() }
            cache[key] = figures
        }
        return figures
    }
}
