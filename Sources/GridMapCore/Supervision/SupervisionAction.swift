/// A 督办 move an event's card may offer, as the server decides it for the reader.
public enum SupervisionAction: String, CaseIterable, Sendable {
    /// 督办 (level 2): `POST …/supervisions {"level": 2}`.
    case supervise
    /// 领导督办 (level 3).
    case leaderSupervise = "leader_supervise"
    /// Answer the record awaiting one: `POST …/supervisions/{sid}/reply`.
    case reply
    /// 延期: `POST …/extensions`.
    case requestExtension = "request_extension"
    /// Approve or refuse the pending extension.
    case decideExtension = "decide_extension"
    /// 挂账: `POST …/parking`.
    case park
}

extension EventRecord {
    /// The 督办 moves `viewer` may make on this event now: what the server would accept from them.
    public func supervisionActions(for viewer: Viewer) -> [SupervisionAction] {
        let active = !status.isClosed && !status.isHeld
        let waiting = supervision.currentRecords.filter(\.awaitsReply).map(\.level).max()
        return SupervisionAction.allCases.filter { action in
            switch action {
            case .supervise: active && viewer.may(.supervise) && (waiting ?? .none) < .supervised
            case .leaderSupervise: active && viewer.may(.approve) && (waiting ?? .none) < .leaderSupervised
            case .reply: viewer.may(.manageEvents) && supervision.records.contains(where: \.awaitsReply)
            case .requestExtension: active && viewer.may(.manageEvents) && supervision.pendingExtension == nil
            case .decideExtension: viewer.may(.approve) && supervision.pendingExtension != nil
            case .park: viewer.may(.approve) && status.allowedNext.contains(.parked)
            }
        }
    }
}
