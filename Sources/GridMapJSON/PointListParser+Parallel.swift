import GridMapGeometry
import GridMapCore
import Synchronization

extension PointListParser {
    /// Points arrays shorter than this (bytes) are parsed on one thread.
    static let parallelThreshold = 1 << 20

    /// Parses a large points array on all cores: the text from `start` (the first item's `[`)
    /// is cut at item boundaries and each piece parsed on its own thread. Returns the pieces'
    /// points in order and the offset after the array's `]`, or nil when the array is small or
    /// anything is off (a syntax error, a cut that fell outside the array, too many points): the
    /// caller then parses on one thread, which reports the problem with its exact position.
    static func pointsInParallel(_ bytes: UnsafeRawBufferPointer, from start: Int,
                                 maxPoints: Int) -> (chunks: [PointList], end: Int)? {
        let parts = Parallel.cores
        guard parts > 1, bytes.count - start >= parallelThreshold else { return nil }
        var found = [start]
        for k in 1..<parts {
            guard let cut = itemStart(in: bytes, after: start + k * (bytes.count - start) / parts),
                  cut > found[k - 1] else { return nil }
            found.append(cut)
        }
        let cuts = found, text = SharedText(bytes: bytes)
        let pieces = Mutex<[(list: PointList, end: Int, closed: Bool)?]>(Array(repeating: nil, count: parts))
        Parallel.forEach(parts: parts) { k in
            let bytes = text.bytes, stop = k + 1 < parts ? cuts[k + 1] : nil
            var parser = PointListParser(bytes, at: cuts[k])
            var list = PointList()
            list.values.reserveCapacity(((stop ?? bytes.count) - cuts[k]) / 10)
            list.tokens.reserveCapacity(((stop ?? bytes.count) - cuts[k]) / 5)
            guard let closed = try? parser.pointItems(into: &list, first: 0, maxPoints: maxPoints, stop: stop) else { return }
            pieces.withLock { $0[k] = (list, parser.at, closed) }
        }
        let parsed = pieces.withLock { $0 }.compactMap { $0 }
        // Every piece but the last must end at the next cut; the last at the array's `]`.
        guard parsed.count == parts,
              (0..<(parts - 1)).allSatisfy({ !parsed[$0].closed && parsed[$0].end == cuts[$0 + 1] }),
              parsed[parts - 1].closed,
              parsed.reduce(0, { $0 + $1.list.count }) <= maxPoints
        else { return nil }
        return (parsed.map(\.list), parsed[parts - 1].end)
    }

    /// The offset of the `[` opening the first item after `offset`: after the next `]` come `,`
    /// and `[` (with only whitespace between), which in an array of number pairs can only be the
    /// boundary between two items.
    private static func itemStart(in bytes: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        var at = offset
        while at < bytes.count {
            guard let close = (at..<bytes.count).first(where: { bytes[$0] == UInt8(ascii: "]") }) else { return nil }
            at = close + 1
            let comma = skippingSpace(bytes, from: at)
            guard comma < bytes.count, bytes[comma] == UInt8(ascii: ",") else { continue }
            let open = skippingSpace(bytes, from: comma + 1)
            if open < bytes.count, bytes[open] == UInt8(ascii: "[") { return open }
        }
        return nil
    }

    private static func skippingSpace(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> Int {
        var at = offset
        while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
        return at
    }
}

/// The request text, read (never written) by the parsing threads while the caller waits.
private struct SharedText: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}
