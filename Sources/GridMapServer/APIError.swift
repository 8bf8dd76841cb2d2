import GridMapExport
import Hummingbird
import NIOCore

/// An error answered as `{"error": code, "detail": text}` (plus `allowed` for a refused state
/// change) with its HTTP status.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var detail: String
    /// For a refused state change: the allowed next states.
    public var allowed: [String]?

    public init(_ status: HTTPResponse.Status, _ code: String, _ detail: String, allowed: [String]? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.allowed = allowed
    }

    static func badRequest(_ code: String, _ detail: String) -> APIError { APIError(.badRequest, code, detail) }

    func response() -> Response {
        var json = JSONWriter()
        json.raw("{\"error\":"); json.string(code); json.raw(",\"detail\":"); json.string(detail)
        if let allowed { json.raw(",\"allowed\":["); json.strings(allowed); json.raw("]") }
        json.raw("}")
        return json.response(status: status)
    }
}

/// Turns every error into the JSON error shape: ``APIError`` as is, an ``ExportError`` as a 400, Hummingbird's HTTP errors
/// (404, 413, …) with their status, anything else as a logged 500.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as NIOTooManyBytesError {
            return APIError(.contentTooLarge, "body_too_large", "the request body exceeds \(error.maxBytes ?? 0) bytes (the server's limit)").response()
        } catch let error as ExportError {
            return APIError.badRequest("invalid_parameter", error.description).response()
        } catch let error as HTTPError {
            let code = error.status == .contentTooLarge ? "body_too_large" : error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            return APIError(error.status, code, error.body ?? error.status.reasonPhrase).response()
        } catch {
            context.logger.error("unhandled error: \(error)")
            return APIError(.internalServerError, "internal", "internal error").response()
        }
    }
}
