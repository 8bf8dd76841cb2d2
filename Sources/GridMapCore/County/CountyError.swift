/// Why a county assignment (上级交办) or a move to or from the county (上报) was refused.
public enum CountyError: CodedError, Sendable, Equatable {
    /// Another body was delivered under an `external_id` a stored assignment has.
    case externalIDConflict(externalID: String, id: Int64)
    /// Escalating needs a reason; the county's answer (return or close) needs its remark.
    case noteRequired(EventStatus)
    /// Moving an event out of 上报 is the county's answer (`link_county`); every other move is the town's (`manage_events`).
    case notYourMove(from: EventStatus, to: EventStatus, needs: Permission)

    public var description: String {
        switch self {
        case .externalIDConflict(let externalID, let id):
            "external_id \(TextIdentifier.quoted(externalID)) is event \(id) already, delivered with a different body; "
                + "a county assignment cannot be changed by delivering it again"
        case .noteRequired(let status):
            status == .escalated ? "escalating (上报) needs the reason in 'note'" : "the county's answer needs its remark in 'note'"
        case .notYourMove(let from, let to, let needs):
            "moving an event from \(from.rawValue) to \(to.rawValue) needs \(needs.rawValue)"
        }
    }

    public var errorCode: String {
        switch self {
        case .externalIDConflict: "external_id_conflict"
        case .noteRequired: "note_required"
        case .notYourMove: "forbidden"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .externalIDConflict: .conflict
        case .noteRequired: .invalidInput
        case .notYourMove: .forbidden
        }
    }
}

extension EventStatus {
    /// What moving an event from this status needs: answering an escalation (out of 上报) is the
    /// county's, every other move the town's command room's.
    public var permissionToMoveOn: Permission { self == .escalated ? .linkCounty : .manageEvents }

    /// Whether a move from this status to `next` takes a note: the reason for 上报, the county's remark on answering one.
    public func moveNeedsNote(to next: EventStatus) -> Bool { next == .escalated || self == .escalated }
}
