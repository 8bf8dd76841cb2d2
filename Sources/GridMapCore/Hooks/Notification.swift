/// Someone who must be told of a change: a person on duty (with a phone to reach them) or an
/// office, which GridMap knows by name only (it holds no office rosters).
public struct Recipient: Sendable, Equatable {
    /// 网格员, 村干部, 联村干部, 值班领导, or 承办单位 for an office.
    public var role: String
    public var name: String
    /// Nil for an office.
    public var phone: String?

    public init(role: String, name: String, phone: String?) {
        self.role = role
        self.name = name
        self.phone = phone
    }
}

/// Who must be told of a change, and what: decided here, sent by the hooks' channels.
public struct Notification: Sendable, Equatable {
    public var recipients: [Recipient]
    /// One line in Chinese: what happened to which event, and where.
    public var text: String

    /// The people to tell of `topic` on `event`, given who is on duty now at its grid and village
    /// (``PeopleOnDuty``, AB岗 applied) and the town's duty leader today:
    /// - a new event, a move to another grid, a closed or returned event: the grid member;
    /// - dispatched, a task assigned: the offices holding open tasks and the grid member;
    /// - 督办 (supervision issued) and 上报 (escalated): the duty leader, the offices with open
    ///   tasks, and the village's liaison cadre;
    /// - every other change (triage, progress, replies, evaluations): nobody.
    public init(_ topic: OutboxTopic, event: EventRecord, onDuty: [Person], dutyLeader: DutyDay?) {
        func people(_ role: PersonRole) -> [Recipient] {
            onDuty.filter { $0.role == role }.map { Recipient(role: role.rawValue, name: $0.name, phone: $0.phone) }
        }
        let offices = event.tasks.filter(\.status.isOpen).map { Recipient(role: "承办单位", name: $0.office, phone: nil) }
        let leader = dutyLeader.map { [Recipient(role: "值班领导", name: $0.name, phone: $0.phone)] } ?? []
        switch topic {
        case .eventCreated, .eventRelocated, .eventClosed, .eventReturned: recipients = people(.gridMember)
        case .eventDispatched, .taskAssigned: recipients = offices + people(.gridMember)
        case .supervisionIssued, .eventEscalated: recipients = leader + offices + people(.liaisonCadre)
        default: recipients = []
        }
        let place = event.gridCode.map { "（网格 \($0)）" } ?? ""
        text = "【\(Self.heading(topic))】事件 #\(event.id) \(event.category)\(place)：\(event.status.name)"
    }

    private static func heading(_ topic: OutboxTopic) -> String {
        switch topic {
        case .eventCreated: "新事件"
        case .eventRelocated: "事件改属网格"
        case .eventClosed: "事件办结"
        case .eventReturned: "事件退回"
        case .eventDispatched: "事件派遣"
        case .taskAssigned: "新任务"
        case .supervisionIssued: "督办"
        case .eventEscalated: "事件上报"
        default: "事件更新"
        }
    }
}
