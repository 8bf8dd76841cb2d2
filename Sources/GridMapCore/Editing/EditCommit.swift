/// Who commits an edit, why, and on which versions it was based.
public struct EditAuthor: Sendable {
    /// Who (the token's holder, or the command line's user) and from where.
    public var actor: AuditActor
    public var reason: String
    /// `If-Match`: when set, each unit the edit names must still be at one of these versions
    /// (``BoundaryRepository/versionTag(_:_:)``), else ``EditRejection/stale(level:code:current:)``.
    public var expectedTags: Set<String>?
    /// Where the editor may change units (``AccessScope/check(_:)-EditPlan``).
    public var scope: AccessScope

    public init(actor: AuditActor, reason: String, expectedTags: Set<String>? = nil, scope: AccessScope = .everywhere) {
        self.actor = actor
        self.reason = reason
        self.expectedTags = expectedTags
        self.scope = scope
    }
}

/// A planned edit with its consequences and the versions it starts from.
public struct EditPreview: Sendable {
    public var plan: EditPlan
    public var consequences: EditConsequences
    /// The current version tag of each unit before the edit, by code.
    public var tagsBefore: [String: String]

    public init(plan: EditPlan, consequences: EditConsequences, tagsBefore: [String: String]) {
        self.plan = plan
        self.consequences = consequences
        self.tagsBefore = tagsBefore
    }
}

/// A committed edit, or one that changed nothing and stored nothing (``changed`` false).
public struct EditCommit: Sendable {
    public var preview: EditPreview
    /// The stored change's id; nil when the edit changed nothing.
    public var changeID: Int64?
    /// When the new versions took effect; nil when the edit changed nothing.
    public var at: Instant?
    /// The new version tag of each created or changed unit, by code.
    public var tagsAfter: [String: String]

    public init(preview: EditPreview, changeID: Int64?, at: Instant?, tagsAfter: [String: String]) {
        self.preview = preview
        self.changeID = changeID
        self.at = at
        self.tagsAfter = tagsAfter
    }

    /// False for an edit whose plan changes nothing (``EditPlan/changesNothing``).
    public var changed: Bool { changeID != nil }
}

/// Why an edit was not committed.
public enum EditRejection: CodedError, Sendable {
    /// The plan has problems (nothing stored).
    case invalid(EditPreview)
    /// A named unit changed since the version the editor saw.
    case stale(level: AdminLevel, code: String, current: String)
    case missingReason

    public var errorCode: String {
        switch self {
        case .invalid: "invalid_edit"
        case .stale: "stale_version"
        case .missingReason: "missing_field"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .invalid: .unprocessable
        case .stale: .stale
        case .missingReason: .invalidInput
        }
    }

    public var description: String {
        switch self {
        case .invalid: "the edit breaks the checks of its preview"
        case .stale(let level, let code, let current): "\(level.rawValue) \(code) has changed: its current version is \"\(current)\""
        case .missingReason: "'reason' is required to commit an edit"
        }
    }
}
