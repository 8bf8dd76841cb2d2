/// Why a joint operation was refused.
public enum OperationError: CodedError, Sendable, Equatable {
    case emptyArea
    /// Not a valid polygon by OGC rules (GEOS's reason: a self-intersection, …).
    case invalidArea(String)
    case coversNoGrid
    case unknownUnit(String, String)
    case noOffices
    case unknownOffice(String)
    case endBeforeStart
    case unknownEvent(Int64)
    case notFound(Int64)

    public var description: String {
        switch self {
        case .emptyArea: "'area': the operation needs an area: a GeoJSON Polygon or MultiPolygon, 'grids' or 'villages'"
        case .invalidArea(let reason): "'area': not a valid polygon: \(reason)"
        case .coversNoGrid: "'area': it covers no grid"
        case .unknownUnit(let level, let code): "'\(level)s': no \(level) has code \(TextIdentifier.quoted(code))"
        case .noOffices: "'offices': a joint operation takes at least two offices"
        case .unknownOffice(let office): "'offices': '\(office)' is no office of the town's platforms"
        case .endBeforeStart: "'end': must not be before 'start'"
        case .unknownEvent(let id): "'events': no event has id \(id)"
        case .notFound(let id): "no joint operation has id \(id)"
        }
    }

    public var errorCode: String {
        switch self {
        case .emptyArea, .coversNoGrid, .noOffices, .endBeforeStart: "invalid_field"
        case .invalidArea: "invalid_geometry"
        case .unknownUnit: "unknown_unit"
        case .unknownOffice: "unknown_office"
        case .unknownEvent: "unknown_event"
        case .notFound: "unknown_operation"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .notFound: .notFound
        default: .invalidInput
        }
    }
}
