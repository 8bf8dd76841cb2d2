import GridMapCore
import GridMapExport
import GridMapJSON
import Hummingbird
import NIOCore
import NIOHTTP1

/// An error answered as `{"error": code, "detail": text}` (plus `allowed` for a refused state
/// change, `open_tasks` for a resolution refused for them) with its HTTP status.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var detail: String
    /// For a refused state change: the allowed next states.
    public var allowed: [String]?
    /// For a resolution refused while offices' tasks are open: those tasks.
    public var openTasks: [OpenTask]?
    /// For a 503: seconds after which to retry (`Retry-After`).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, _ code: String, _ detail: String, allowed: [String]? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.allowed = allowed
        self.retryAfter = retryAfter
    }

    static func badRequest(_ code: String, _ detail: String) -> APIError { APIError(.badRequest, code, detail) }

    func response() -> Response {
        var json = JSONWriter()
        json.error(code: code, detail: detail, allowed: allowed, openTasks: openTasks)
        var response = json.response(status: status)
        if let retryAfter { response.headers[.retryAfter] = "\(retryAfter)" }
        return response
    }

    /// 413 for a body over `limit` bytes: `limit` is the route's own (`what`), or the server's `--max-body-bytes`.
    static func bodyTooLarge(limit: Int, declared: Int? = nil, _ what: String = "the server's --max-body-bytes") -> APIError {
        let size = declared.map { "the request body (Content-Length \($0) bytes)" } ?? "the request body"
        return APIError(.contentTooLarge, "body_too_large", "\(size) exceeds \(limit) bytes, the limit of \(what)")
    }
}

/// Turns every error into the JSON error shape: an ``APIErrorConvertible`` as it says, any other
/// ``CodedError`` by its kind and code, Hummingbird's HTTP errors (404, 413, …) with their status,
/// HTTP framing errors left to Hummingbird (a 400 and a close), anything else as a logged 500.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any APIErrorConvertible {
            return error.apiError.response()
        } catch let error as any CodedError {
            return APIError(error).response()
        } catch let error as NIOTooManyBytesError {
            // Only ``Request/collectBody(upTo:for:)`` collects, and it names its route: this is a limit it did not foresee.
            return APIError.bodyTooLarge(limit: error.maxBytes ?? 0, "this request").response()
        } catch let error as HTTPParserError {
            // A malformed body (a chunk size that is not hex) or a client gone mid-body (EOF): the
            // framing is lost, so the connection cannot carry another answer. Hummingbird answers
            // such an error 400 with `Connection: close` and closes, logging nothing above debug.
            throw error
        } catch let error as HTTPError {
            let code = error.status == .contentTooLarge ? "body_too_large" : error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            return APIError(error.status, code, error.body ?? error.status.reasonPhrase).response()
        } catch {
            context.logger.error("unhandled error: \(error)")
            return APIError(.internalServerError, "internal", "internal error").response()
        }
    }
}
