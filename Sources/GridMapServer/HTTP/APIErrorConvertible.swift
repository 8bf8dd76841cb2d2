import GridMapCore
import GridMapJSON
import Hummingbird

/// An error with its one HTTP form. ``JSONErrorMiddleware`` renders any of them, so controllers
/// just `try`: every ``CodedError`` as its kind's status, code and description (``APIError/init(_:)``),
/// and the few whose body says more through this protocol.
protocol APIErrorConvertible: Error {
    var apiError: APIError { get }
}

extension FailureKind {
    /// The HTTP status of every error of this kind.
    var status: HTTPResponse.Status {
        switch self {
        case .invalidInput: .badRequest
        case .notFound: .notFound
        case .unprocessable: .unprocessableContent
        case .conflict: .conflict
        case .stale: .preconditionFailed
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .throttled: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }
}

extension APIError: APIErrorConvertible {
    var apiError: APIError { self }

    /// A domain error as HTTP answers it: its kind's status, its code, its sentence.
    init(_ error: any CodedError) {
        self.init(error.failureKind.status, error.errorCode, error.description)
    }
}

/// A refused move of the loop names the moves allowed (`allowed`); a refused resolution, the
/// tasks still open (`open_tasks`).
extension EventError: APIErrorConvertible {
    var apiError: APIError {
        var answer = APIError(self)
        switch self {
        case .illegalTransition(let from, _): answer.allowed = from.allowedNext.map(\.rawValue)
        case .openTasks(let tasks): answer.openTasks = tasks
        case .notFound: break
        }
        return answer
    }
}

/// A refused move of a task's loop names the moves allowed (`allowed`).
extension TaskError: APIErrorConvertible {
    var apiError: APIError {
        var answer = APIError(self)
        if case .illegalTransition(let from, _) = self { answer.allowed = from.allowedNext.map(\.rawValue) }
        return answer
    }
}

/// A refused bulk body: 413 `too_many_points` over the server's limit, else 400 `malformed_body`.
extension PointListParser.Failure: APIErrorConvertible {
    var apiError: APIError {
        if case .tooManyPoints = self { return APIError(.contentTooLarge, "too_many_points", message) }
        return .badRequest("malformed_body", message)
    }
}

/// A refused patrol file: the detail without the code, which the body carries already.
extension PatrolParseError: APIErrorConvertible {
    var apiError: APIError { .badRequest(errorCode, detail) }
}

/// Locating a reported event (`POST /v1/events`): a point outside every town says which point.
extension RoutingError: APIErrorConvertible {
    var apiError: APIError {
        var answer = APIError(self)
        if self == .outsideTowns { answer.detail = "the event's coordinate: \(description)" }
        return answer
    }
}
