import Foundation

/// 研判会商: the command room's joint consultation with offices (and people) on a hard event:
/// who took part, when, what they decided, the lead and assisting offices and the deadline they
/// set. One that dispatches gives those offices their tasks, due at that deadline.
public struct Consultation: Sendable, Equatable {
    /// 0 until stored.
    public var id: Int64
    public var eventID: Int64
    public var heldAt: Instant
    /// Who took part: the town's offices, and people (anyone else named, as written down).
    public var offices: [String]
    public var people: [String]
    public var decision: String
    public var leadOffice: String?
    public var assistingOffices: [String]
    public var deadlineAt: Instant?
    public var recordedBy: String
    public var recordedAt: Instant

    public init(id: Int64, eventID: Int64, heldAt: Instant, offices: [String], people: [String], decision: String, leadOffice: String?,
                assistingOffices: [String], deadlineAt: Instant?, recordedBy: String, recordedAt: Instant) {
        self.id = id
        self.eventID = eventID
        self.heldAt = heldAt
        self.offices = offices
        self.people = people
        self.decision = decision
        self.leadOffice = leadOffice
        self.assistingOffices = assistingOffices
        self.deadlineAt = deadlineAt
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// The consultation `request` records on `event` at `now`, checked: the event not closed,
    /// someone taking part (each participant an office of the town's `platforms` or a person),
    /// a decision, held no later than now, offices of the town's
    /// `platforms`, a deadline after now; and to dispatch, a lead office and an event not yet
    /// dispatched.
    public init(_ event: EventRecord, _ request: ConsultationRequest, platforms: [Platform], actor: String, at now: Instant) throws {
        if event.status.isClosed { throw ConsultationError.eventClosed(event.status) }
        let participants = request.participants.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !participants.isEmpty else { throw ConsultationError.noParticipants }
        let decision = request.decision.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !decision.isEmpty else { throw ConsultationError.noDecision }
        let heldAt = request.heldAt ?? now
        if ReportedTime.isInFuture(heldAt, now: now) { throw ConsultationError.heldInFuture }
        let offices = platforms.flatMap(\.offices)
        let named = (request.leadOffice.map { [("lead_office", $0)] } ?? []) + request.assistingOffices.map { ("assisting_offices", $0) }
        for (field, office) in named where !offices.contains(office) {
            throw ConsultationError.unknownOffice(office, field: field, known: offices)
        }
        if let deadline = request.deadline, deadline <= now { throw TaskError.deadlineNotAfterNow }
        if request.dispatch {
            guard request.leadOffice != nil else { throw ConsultationError.leadOfficeRequired }
            guard [.received, .triaged, .returned].contains(event.status) else { throw ConsultationError.alreadyDispatched(event.status) }
        }
        self.init(id: 0, eventID: event.id, heldAt: heldAt, offices: participants.filter(offices.contains),
                  people: participants.filter { !offices.contains($0) }, decision: decision,
                  leadOffice: request.leadOffice, assistingOffices: request.assistingOffices, deadlineAt: request.deadline,
                  recordedBy: actor, recordedAt: now)
    }
}

/// A consultation as the command room sends it (`POST /v1/events/{id}/consultations`).
public struct ConsultationRequest: Sendable, Equatable {
    public var heldAt: Instant?
    public var participants: [String]
    public var decision: String
    public var leadOffice: String?
    public var assistingOffices: [String]
    public var deadline: Instant?
    /// Dispatch the event to the decided offices in the same step.
    public var dispatch: Bool

    public init(heldAt: Instant?, participants: [String], decision: String, leadOffice: String?, assistingOffices: [String],
                deadline: Instant?, dispatch: Bool) {
        self.heldAt = heldAt
        self.participants = participants
        self.decision = decision
        self.leadOffice = leadOffice
        self.assistingOffices = assistingOffices
        self.deadline = deadline
        self.dispatch = dispatch
    }
}

/// Why a consultation was refused.
public enum ConsultationError: CodedError, Sendable, Equatable {
    case eventClosed(EventStatus)
    case noParticipants
    case noDecision
    case heldInFuture
    case leadOfficeRequired
    case alreadyDispatched(EventStatus)
    case unknownOffice(String, field: String, known: [String])

    public var description: String {
        switch self {
        case .eventClosed(let status): "the event is \(status.rawValue): a closed event is not consulted on"
        case .noParticipants: "'participants': name the offices or people who took part"
        case .noDecision: "'decision' is required"
        case .heldInFuture: "'held_at' is in the future"
        case .leadOfficeRequired: "'lead_office' is required to dispatch"
        case .unknownOffice(let office, let field, let known):
            "'\(field)': '\(office)' is no office of the town's platforms (one of: \(known.joined(separator: ", ")))"
        case .alreadyDispatched(let status): "the event is \(status.rawValue): only an event not yet dispatched is dispatched by a consultation (give more offices tasks instead)"
        }
    }

    public var errorCode: String {
        switch self {
        case .eventClosed: "event_closed"
        case .noParticipants, .noDecision: "missing_field"
        case .heldInFuture: "invalid_field"
        case .leadOfficeRequired: "missing_field"
        case .alreadyDispatched: "already_dispatched"
        case .unknownOffice: "unknown_office"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .eventClosed, .alreadyDispatched: .conflict
        case .noParticipants, .noDecision, .heldInFuture, .leadOfficeRequired, .unknownOffice: .invalidInput
        }
    }
}
