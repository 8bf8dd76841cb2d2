/// Who holds the posts on duty: grid members, village staff, the towns' duty leaders.
public protocol PeopleRepository: Sendable {
    /// Marks the holder of a post absent (or back); the backup then stands in. Bumps the
    /// boundary revision only when someone's absence changed.
    @discardableResult
    func setAbsent(_ absent: Bool, unit: String, role: PersonRole, post: Post) throws -> AbsenceUpdate
    /// The town's duty leader (值班领导) on a date (`YYYY-MM-DD`, Beijing time).
    func dutyLeader(town: String, date: String) throws -> DutyDay?
}
