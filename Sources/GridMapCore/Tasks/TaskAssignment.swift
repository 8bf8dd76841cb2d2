/// A new task as the loop allows it: what a repository stores for it.
public struct TaskAssignment: Sendable, Equatable {
    public var eventID: Int64
    public var office: String
    public var lead: Bool
    public var note: String?
    public var deadlineAt: Instant?
    public var actor: String
    public var at: Instant

    /// The command room's task for `office` on `event` at `now`: only while the event is being
    /// handled (dispatched or in progress), to an office of the town's `platforms` without an
    /// open task on it, due at `deadline` (later than now) or else at the event's deadline.
    public init(_ event: EventRecord, office: String, note: String?, deadline: Instant?, platforms: [Platform],
                actor: String, at now: Instant) throws(TaskError) {
        guard event.status == .dispatched || event.status == .inProgress else { throw .eventNotInHandling(event.status) }
        let offices = platforms.flatMap(\.offices)
        guard offices.contains(office) else { throw .unknownOffice(office, known: offices) }
        if let open = event.tasks.first(where: { $0.office == office && $0.status.isOpen }) {
            throw .officeHasOpenTask(office, task: open.id)
        }
        if let deadline, deadline <= now { throw .deadlineNotAfterNow }
        self.init(event, office: office, lead: false, note: note, deadline: deadline, actor: actor, at: now)
    }

    private init(_ event: EventRecord, office: String, lead: Bool, note: String?, deadline: Instant?, actor: String, at now: Instant) {
        eventID = event.id
        self.office = office
        self.lead = lead
        self.note = note
        deadlineAt = deadline ?? event.deadlineAt
        self.actor = actor
        at = now
    }

    /// The tasks that dispatching `event` gives by its routing, due at its deadline: the lead
    /// office's (the routing's office, else the lead platform's first office) and one per
    /// assisting platform, to its first office (the one that coordinates its daily work,
    /// 日常管理协调).
    public static func onDispatch(_ event: EventRecord, platforms: [Platform], actor: String, at now: Instant) -> [TaskAssignment] {
        func firstOffice(_ platform: String) -> String? { platforms.first { $0.code == platform }?.offices.first }
        return decided(event, lead: event.routing.office ?? firstOffice(event.routing.platform.code),
                       assisting: event.routing.assisting.compactMap { firstOffice($0.code) }, deadline: nil, note: nil,
                       actor: actor, at: now)
    }

    /// The tasks for a `lead` office and `assisting` offices decided for `event` (at dispatch, or
    /// by a consultation), due at `deadline` or else the event's; none to an office that has an
    /// open task on the event already, none twice to one office.
    public static func decided(_ event: EventRecord, lead: String?, assisting: [String], deadline: Instant?, note: String?,
                               actor: String, at now: Instant) -> [TaskAssignment] {
        var taken = Set(event.tasks.filter(\.status.isOpen).map(\.office))
        return ((lead.map { [($0, true)] } ?? []) + assisting.map { ($0, false) }).compactMap { office, isLead in
            guard taken.insert(office).inserted else { return nil }
            return TaskAssignment(event, office: office, lead: isLead, note: note, deadline: deadline, actor: actor, at: now)
        }
    }
}
