import GridMapJSON
import Hummingbird

extension JSONWriter {
    /// The written JSON as a response body, without a copy.
    func response(status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: buffer))
    }
}
