/// Why a triage decision (研判) was refused.
public enum TriageError: CodedError, Sendable, Equatable {
    case reasonRequired
    case unknownPlatform(String, known: [String])
    case unknownOffice(String, platform: String?, known: [String])
    case unknownGrid(String)
    /// A decision changing nothing the event has.
    case nothingChanged

    public var description: String {
        switch self {
        case .reasonRequired: "'reason': overriding the platform or office needs a reason"
        case .unknownPlatform(let code, let known):
            "'platform': '\(code)' is no platform of the town's model (one of: \(known.joined(separator: ", ")))"
        case .unknownOffice(let office, let platform, let known):
            "'office': '\(office)' is no office of \(platform.map { "platform \($0)" } ?? "the town's platforms") (one of: \(known.joined(separator: ", ")))"
        case .unknownGrid(let code): "'grid': no current grid has code '\(code)'"
        case .nothingChanged: "the decision changes nothing: the event already has that category, place and routing"
        }
    }

    public var errorCode: String {
        switch self {
        case .reasonRequired: "reason_required"
        case .unknownPlatform: "unknown_platform"
        case .unknownOffice: "unknown_office"
        case .unknownGrid: "unknown_grid"
        case .nothingChanged: "nothing_changed"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .reasonRequired, .unknownPlatform, .unknownOffice, .unknownGrid: .invalidInput
        case .nothingChanged: .conflict
        }
    }
}
