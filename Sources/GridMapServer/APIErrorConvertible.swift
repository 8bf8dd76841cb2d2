import GridMapCore
import GridMapExport
import Hummingbird

/// A domain error with its one HTTP form: the status, the stable code and the detail of the JSON
/// error body. ``JSONErrorMiddleware`` renders any of them, so controllers just `try`.
protocol APIErrorConvertible: Error {
    var apiError: APIError { get }
}

extension APIError: APIErrorConvertible {
    var apiError: APIError { self }
}

extension PatrolParseError: APIErrorConvertible {
    var apiError: APIError { .badRequest(code.rawValue, detail) }
}

extension WorkLimitExceeded: APIErrorConvertible {
    var apiError: APIError { .badRequest("work_limit", description) }
}

extension ExportError: APIErrorConvertible {
    var apiError: APIError { .badRequest("invalid_parameter", description) }
}

extension DensityError: APIErrorConvertible {
    var apiError: APIError { .badRequest("invalid_parameter", description) }
}

extension ReadOnlyStoreError: APIErrorConvertible {
    var apiError: APIError { .readOnlyDatabase }
}

extension UnknownUnitError: APIErrorConvertible {
    var apiError: APIError { APIError(.notFound, "unknown_unit", description) }
}

/// Locating and routing a reported event (`POST /v1/events`).
extension RoutingError: APIErrorConvertible {
    var apiError: APIError {
        switch self {
        case .unknownCategory: .badRequest("unknown_category", description)
        case .outsideTowns: APIError(.unprocessableContent, "outside_towns", "the event's coordinate: \(description)")
        case .noPlatformModel: APIError(.unprocessableContent, "no_platform_model", description)
        }
    }
}

extension EventError: APIErrorConvertible {
    var apiError: APIError {
        switch self {
        case .notFound: APIError(.notFound, "unknown_event", description)
        case .illegalTransition(let from, _):
            APIError(.conflict, "illegal_transition", description, allowed: from.allowedNext.map(\.rawValue))
        }
    }
}

extension DuplicateEventError: APIErrorConvertible {
    var apiError: APIError {
        APIError(.conflict, "duplicate_event", "external_id \(TextIdentifier.quoted(externalID)) is event \(id) already")
    }
}

/// A refused edit commit; an invalid plan (``EditRejection/invalid(_:)``) is answered with the
/// preview's problems by the edits controller before it gets here.
extension EditRejection: APIErrorConvertible {
    var apiError: APIError {
        switch self {
        case .missingReason: .badRequest("missing_field", "'reason' is required to commit an edit")
        case .stale(let level, let code, let current):
            APIError(.preconditionFailed, "stale_version", "\(level.rawValue) \(code) has changed: its current version is \"\(current)\"")
        case .invalid: APIError(.unprocessableContent, "invalid_edit", "the edit breaks the checks of its preview")
        }
    }
}
