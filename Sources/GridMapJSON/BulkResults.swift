import GridMapCore
import GridMapGeometry
import NIOCore

/// The results of a bulk resolve, `…,{"grid":…}`, resolved and rendered a batch at a time on
/// all cores (the server sends one batch while the next is rendered); batches are small enough
/// (a few MB per core) that the allocator recycles their buffers instead of mapping fresh memory
/// each time.
public struct BulkResults: Sendable {
    let served: ResolutionJSON
    let crs: CoordinateSystem
    /// Who the people are written for; nil: without people.
    let people: Viewer?
    let body: ByteBuffer
    let list: PointList
    let wgs: [Double]

    /// `list` parsed from `body`, its points `wgs` in WGS84, each answered as `served` resolves it.
    public init(served: ResolutionJSON, crs: CoordinateSystem, people: Viewer?, body: ByteBuffer, list: PointList, wgs: [Double]) {
        self.served = served
        self.crs = crs
        self.people = people
        self.body = body
        self.list = list
        self.wgs = wgs
    }

    /// Results per core per batch.
    public static let batchSize = 8_192

    /// How many results there are.
    public var count: Int { list.count }

    /// Renders a range of results as one buffer per core, in order; every result but the
    /// first of the whole list starts with a comma.
    public func renderBatch(_ range: Range<Int>) -> [ByteBuffer] {
        let parts = Parallel.parts(range.count, minimum: 1024, perCore: 1)
        let pieces = Mutex<[ByteBuffer]>(Array(repeating: ByteBuffer(), count: parts))
        let crsAndInput = Array(",\"crs\":\"\(crs.rawValue)\",\"input\":[".utf8)
        Parallel.forEach(range.count, parts: parts) { part, local in
            let lower = range.lowerBound + local.lowerBound, upper = range.lowerBound + local.upperBound
            let rendered = body.withUnsafeReadableBytes { text in
                crsAndInput.withUnsafeBytes { crsAndInput in
                    served.withPartViews { parts in
                        render(lower..<upper, Context(requestText: text, crsAndInput: crsAndInput, parts: parts))
                    }
                }
            }
            pieces.withLock { $0[part] = rendered }
        }
        return pieces.withLock { $0 }
    }

    /// What the render loop reads, as raw memory.
    private struct Context {
        let requestText: UnsafeRawBufferPointer
        /// `,"crs":"…","input":[`
        let crsAndInput: UnsafeRawBufferPointer
        let parts: ResolutionJSON.PartViews
    }

    private func render(_ range: Range<Int>, _ context: Context) -> ByteBuffer {
        let hits = [CompactResolution](unsafeUninitializedCapacity: range.count) { output, count in
            wgs.withUnsafeBufferPointer { wgs in
                served.resolver.resolveCompact(
                    interleaved: UnsafeBufferPointer(rebasing: wgs[(2 * range.lowerBound)..<(2 * range.upperBound)]),
                    into: output)
            }
            count = range.count
        }
        var json = JSONWriter(capacity: range.count * 320)
        let echoInput = people == nil && !list.tokens.isEmpty
        for (i, hit) in zip(range, hits) {
            let outside = echoInput && hit.grid < 0 ? served.outsideParts(Coordinate(wgs[2 * i], wgs[2 * i + 1])) : nil
            if echoInput && crs.keepsCoordinates && hit.grid >= 0 && hit.coverCount == 1 {
                writeEchoed(&json, i, head: context.parts.singleCoverHeads[Int(hit.grid)], nearest: nil, context)
            } else if crs.keepsCoordinates, let outside, ByteCursor.spellsTenths(outside.meters) {
                writeEchoed(&json, i, head: context.parts.outsideHeads[outside.head],
                            nearest: (context.parts.nearestParts[outside.nearest], outside.meters), context)
            } else {
                if i > 0 { json.raw(",") }
                writeOther(&json, i, hit, outside: outside, echoInput: echoInput, context)
            }
        }
        return json.buffer
    }

    /// The common cases, copied together from pieces: a point inside one grid, or outside every
    /// grid (with its nearest grid's part and distance), given in WGS84, so the input and the
    /// point used are both the numbers as spelled in the request.
    private func writeEchoed(_ json: inout JSONWriter, _ i: Int, head: UnsafeRawBufferPointer,
                             nearest: (part: UnsafeRawBufferPointer, meters: Double)?, _ context: Context) {
        let lon = token(2 * i, in: context.requestText), lat = token(2 * i + 1, in: context.requestText)
        let nearestBytes = nearest.map { $0.part.count + ByteCursor.maxTenthsBytes + 1 } ?? 0
        json.append(atMost: head.count + nearestBytes + context.crsAndInput.count + 2 * (lon.count + lat.count) + 24) { out in
            if i > 0 { out.append(",") }
            out.append(head)
            if let nearest { out.append(nearest.part); out.tenths(nearest.meters); out.append("}") }
            out.append(context.crsAndInput)
            out.append(lon); out.append(","); out.append(lat)
            out.append("],\"point\":[")
            out.append(lon); out.append(","); out.append(lat)
            out.append("]}")
        }
    }

    /// Everything else: points on a boundary, coordinates converted from another system, with
    /// people, or in a layer whose outside heads do not fit (resolved again in full).
    private func writeOther(_ json: inout JSONWriter, _ i: Int, _ hit: CompactResolution,
                            outside: (head: Int, nearest: Int, meters: Double)?, echoInput: Bool, _ context: Context) {
        let input = Coordinate(list.values[2 * i], list.values[2 * i + 1])
        let point = Coordinate(wgs[2 * i], wgs[2 * i + 1])
        if echoInput && hit.grid >= 0 {
            if hit.coverCount == 1 {
                json.raw(bytes: context.parts.singleCoverHeads[Int(hit.grid)])
            } else {
                served.writeBoundaryHead(&json, hit, point: point)
            }
        } else if echoInput, let outside {
            json.raw(bytes: context.parts.outsideHeads[outside.head]); json.raw(bytes: context.parts.nearestParts[outside.nearest])
            json.tenths(outside.meters); json.raw("}")
        } else {
            served.write(&json, served.resolver.resolve(point), input: input, point: point, crs: crs, people: people)
            return
        }
        json.raw(bytes: context.crsAndInput)
        json.raw(bytes: token(2 * i, in: context.requestText)); json.raw(",")
        json.raw(bytes: token(2 * i + 1, in: context.requestText))
        json.raw("],\"point\":[")
        if crs.keepsCoordinates {
            json.raw(bytes: token(2 * i, in: context.requestText)); json.raw(",")
            json.raw(bytes: token(2 * i + 1, in: context.requestText))
        } else {
            json.number(point.x); json.raw(","); json.number(point.y)
        }
        json.raw("]}")
    }

    /// The `n`th number of the point list as spelled in the request.
    private func token(_ n: Int, in requestText: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: requestText[Int(list.tokens[2 * n])..<Int(list.tokens[2 * n + 1])])
    }
}

import Synchronization
