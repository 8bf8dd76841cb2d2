import GridMapGeometry
import GridMapJSON
import Hummingbird
import NIOCore

extension BulkResults {
    /// `{"results":[…]}`, streamed: each batch of ``BulkResults/batchSize`` results per core is
    /// rendered while the one before is sent.
    func response() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody { writer in
                     try await writer.write(ByteBuffer(string: "{\"results\":["))
                     let step = Self.batchSize * Parallel.cores
                     var rendering = Task { renderBatch(0..<Swift.min(step, count)) }
                     var start = 0
                     while start < count {
                         let pieces = await rendering.value
                         start = Swift.min(start + step, count)
                         let next = start..<Swift.min(start + step, count)
                         if !next.isEmpty { rendering = Task { renderBatch(next) } }
                         for piece in pieces { try await writer.write(piece) }
                     }
                     try await writer.write(ByteBuffer(string: "]}"))
                     try await writer.finish(nil)
                 })
    }
}
