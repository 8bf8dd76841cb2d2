import Dispatch
import GridMapCore
import GridMapGeometry
import Hummingbird

/// Streams `{"results":[…]}` for a bulk resolve, rendering batches of results on all cores.
struct BulkResults: Sendable {
    let served: ResolutionJSON
    let crs: CoordinateSystem
    let withPeople: Bool
    let body: ByteBuffer
    let list: PointList
    let wgs: [Double]
    let hits: [CompactResolution]

    static let batchSize = 65_536

    func response() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody { writer in
                     try await writer.write(ByteBuffer(string: "{\"results\":["))
                     var start = 0
                     while start < hits.count {
                         let end = Swift.min(start + Self.batchSize * System.coreCount, hits.count)
                         for piece in render(start..<end) { try await writer.write(ByteBuffer(bytes: piece)) }
                         start = end
                     }
                     try await writer.write(ByteBuffer(string: "]}"))
                     try await writer.finish(nil)
                 })
    }

    /// Renders a range of results as one byte array per core.
    private func render(_ range: Range<Int>) -> [[UInt8]] {
        let parts = Swift.max(1, Swift.min(System.coreCount, range.count / 1024))
        let pieces = Mutex<[[UInt8]]>(Array(repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lower = range.lowerBound + part * range.count / parts
            let upper = range.lowerBound + (part + 1) * range.count / parts
            var json = JSONWriter(capacity: (upper - lower) * 240)
            for i in lower..<upper { write(&json, i) }
            pieces.withLock { $0[part] = json.bytes }
        }
        return pieces.withLock { $0 }
    }

    private func write(_ json: inout JSONWriter, _ i: Int) {
        if i > 0 { json.raw(",") }
        let input = Coordinate(list.values[2 * i], list.values[2 * i + 1])
        let point = Coordinate(wgs[2 * i], wgs[2 * i + 1])
        let hit = hits[i]
        guard hit.grid >= 0, !withPeople, !list.tokens.isEmpty else {
            served.write(&json, served.resolver.resolve(point), input: input, point: point, crs: crs, people: withPeople)
            return
        }
        body.withUnsafeReadableBytes { bytes in
            let t = list.tokens
            let inputText = Self.joined(bytes, t[4 * i], t[4 * i + 1], t[4 * i + 2], t[4 * i + 3])
            if input == point {
                served.writeCompact(&json, hit, point: point, crs: crs, inputText: inputText, pointText: inputText)
            } else {
                served.writeCompact(&json, hit, point: point, crs: crs, inputText: inputText,
                                    pointText: Array("\(point.x),\(point.y)".utf8))
            }
        }
    }

    /// "lon,lat" as spelled in the request.
    private static func joined(_ bytes: UnsafeRawBufferPointer, _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> [UInt8] {
        Array(bytes[Int(a)..<Int(b)]) + [UInt8(ascii: ",")] + Array(bytes[Int(c)..<Int(d)])
    }
}

import Synchronization
