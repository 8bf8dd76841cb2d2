/// Patrol fixes, the tracks cleaned from them, and each day's stored coverage of the grids.
public protocol PatrolRepository: Sendable {
    /// Stores fixes as reported and re-cleans every member-day they touch, in one transaction.
    func ingestPatrols(_ fixes: [PatrolFix], source: String, format: String, cleaning: TrackCleaning) throws -> PatrolIngest
    /// Re-cleans every stored member-day with `cleaning` (after its rules changed).
    func rebuildPatrolTracks(cleaning: TrackCleaning) throws -> CleaningReport
    /// The days in `days` (nil: all) whose tracks changed since their coverage at `radius` was
    /// last stored, ascending.
    func staleCoverageDays(_ days: ClosedRange<PatrolDay>?, radius: Double) throws -> [PatrolDay]
    /// Every member's cleaned patrol of a day, and the revision of the day's tracks.
    func patrols(of day: PatrolDay) throws -> (revision: Int64, patrols: [CleanedPatrol])
    /// Replaces a day's stored coverage at `radius`, computed from tracks at `revision`.
    func storeCoverage(_ results: [GridDayCoverage], day: PatrolDay, radius: Double, revision: Int64) throws
    /// The stored coverage of every grid-day in `days` at `radius`.
    func gridDays(_ days: ClosedRange<PatrolDay>, radius: Double) throws -> [GridDayCoverage]
    /// The end of each grid's last visit on or before `day` (at `radius`), by grid code.
    func lastVisits(through day: PatrolDay, radius: Double) throws -> [String: Int64]
    /// When each day's coverage at `radius` was computed, and from which revision of its tracks.
    func coverageRuns(radius: Double) throws -> [PatrolDay: (revision: Int64, computedAt: String)]
    /// The required patrol frequency set for towns, villages or grids, by unit code.
    func patrolFrequencies() throws -> [String: PatrolFrequency]
    /// Sets (or with nil clears) the required patrol frequency of a unit; false when no current
    /// unit has that code.
    func setPatrolFrequency(_ frequency: PatrolFrequency?, unit code: String) throws -> Bool
}
