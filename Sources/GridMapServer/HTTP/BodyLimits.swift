import Hummingbird
import NIOCore

extension Request {
    /// The body's declared length (`Content-Length`), nil for a chunked body or none.
    var declaredLength: Int? { headers[.contentLength].flatMap { Int($0) } }

    /// The whole body, at most `maxBytes`: a larger declared length is refused 413 before a byte
    /// is read (so a client waiting on `Expect: 100-continue` gets the 413, not a go-ahead), a
    /// chunked body growing past it as soon as it does; the error names this route's limit.
    func collectBody(upTo maxBytes: Int) async throws -> ByteBuffer {
        let route = "\(method) \(uri.path)"
        if let declared = declaredLength, declared > maxBytes { throw APIError.bodyTooLarge(limit: maxBytes, declared: declared, route) }
        do {
            return try await body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: maxBytes, route)
        }
    }
}

/// Refuses, 413 from its headers alone, a request declaring a body over the largest any route
/// accepts (`--max-body-bytes`), before any handler runs or a byte of the body is read. Routes
/// with smaller limits check theirs in ``Request/collectBody(upTo:)``.
struct DeclaredLengthMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.declaredLength, declared > maxBodyBytes {
            throw APIError.bodyTooLarge(limit: maxBodyBytes, declared: declared)
        }
        return try await next(request, context)
    }
}
