import Foundation

/// The points of a bulk resolve request, as parsed from `{"crs": "...", "points": [[lon, lat], ...]}`.
public struct PointList: Sendable {
    /// The body's `crs`, when it names one.
    public var crs: String?
    /// Interleaved lon, lat.
    public var values: [Double] = []
    /// Byte ranges of each number in the request text (start, end, start, end per point), so the
    /// response can echo the input exactly without reformatting; empty when not available.
    public var tokens: [UInt32] = []
    /// How many points.
    public var count: Int { values.count / 2 }
}

/// A single-pass parser for the bulk point-list body: it checks JSON syntax as it goes and
/// reports the first problem with its position (`points[12][1]`), and reads numbers with an
/// exact fast path (≤ 15 significant digits, |exponent| ≤ 22: one correctly rounded operation)
/// falling back to `strtod`. A top-level `"type"` or `"features"` key means the body is GeoJSON
/// (``notPointList``), read by ``parseFeatureCollection(_:maxPoints:)``.
public struct PointListParser {
    /// Why a body is refused.
    public enum Failure: Error {
        /// The body is malformed: the problem and where.
        case syntax(String)
        /// More points than the server takes in one request.
        case tooManyPoints(limit: Int)
        /// The body is not a point list (it is GeoJSON): a cue to read it as GeoJSON.
        case notPointList

        /// What is wrong, for people.
        public var message: String {
            switch self {
            case .syntax(let message): message
            case .tooManyPoints(let limit): "more than \(limit) points (the server's limit)"
            case .notPointList: "expected \"crs\" and \"points\", or a GeoJSON FeatureCollection"
            }
        }
    }

    let bytes: UnsafeRawBufferPointer
    var at: Int

    init(_ bytes: UnsafeRawBufferPointer, at: Int = 0) {
        self.bytes = bytes
        self.at = at
    }

    public static func parse(_ bytes: UnsafeRawBufferPointer, maxPoints: Int) throws -> PointList {
        var parser = PointListParser(bytes)
        return try parser.document(maxPoints: maxPoints)
    }

    private mutating func document(maxPoints: Int) throws -> PointList {
        var list = PointList()
        var sawPoints = false
        try expect(UInt8(ascii: "{"), "the body must be a JSON object")
        skipSpace()
        if peek == UInt8(ascii: "}") { at += 1 } else {
            while true {
                let key = try string("a field name")
                try expect(UInt8(ascii: ":"), "expected ':' after \"\(key)\"")
                switch key {
                case "crs": list.crs = try string("\"crs\" must be a string")
                case "points":
                    try points(into: &list, maxPoints: maxPoints)
                    sawPoints = true
                case "type", "features": throw Failure.notPointList
                default: throw Failure.syntax("unknown field \"\(key)\" (expected \"crs\" and \"points\", or a GeoJSON FeatureCollection)")
                }
                skipSpace()
                if peek == UInt8(ascii: ",") { at += 1; continue }
                try expect(UInt8(ascii: "}"), "expected ',' or '}' in the body object")
                break
            }
        }
        skipSpace()
        guard at == bytes.count else { throw Failure.syntax("unexpected text after the JSON object at byte \(at)") }
        guard sawPoints else { throw Failure.syntax("missing field \"points\"") }
        return list
    }

    private mutating func points(into list: inout PointList, maxPoints: Int) throws {
        try expect(UInt8(ascii: "["), "\"points\" must be an array of [lon, lat] pairs")
        skipSpace()
        if peek == UInt8(ascii: "]") { at += 1; return }
        if let (chunks, end) = Self.pointsInParallel(bytes, from: at, maxPoints: maxPoints) {
            for chunk in chunks {
                list.values += chunk.values
                list.tokens += chunk.tokens
            }
            at = end
            return
        }
        list.values.reserveCapacity(Swift.min(bytes.count / 10, maxPoints * 2))
        list.tokens.reserveCapacity(Swift.min(bytes.count / 5, maxPoints * 4))
        _ = try pointItems(into: &list, first: 0, maxPoints: maxPoints, stop: nil)
    }

    /// Parses `[lon, lat]` items separated by commas, from an item's `[` to the `]` closing the
    /// array (returns true) or up to `stop`, the offset of an item's `[` (returns false).
    /// `first` is the index of the first item, for messages.
    mutating func pointItems(into list: inout PointList, first: Int, maxPoints: Int, stop: Int?) throws -> Bool {
        var i = first
        while true {
            if i == maxPoints { throw Failure.tooManyPoints(limit: maxPoints) }
            try expect(UInt8(ascii: "["), "points[\(i)] must be a [lon, lat] array")
            try number(into: &list, "points[\(i)][0]")
            try expect(UInt8(ascii: ","), "points[\(i)] must have two numbers")
            try number(into: &list, "points[\(i)][1]")
            try expect(UInt8(ascii: "]"), "points[\(i)] must have exactly two numbers [lon, lat]")
            i += 1
            skipSpace()
            if peek == UInt8(ascii: ",") {
                at += 1
                skipSpace()
                if at == stop { return false }
                continue
            }
            try expect(UInt8(ascii: "]"), "expected ',' or ']' after points[\(i - 1)]")
            return true
        }
    }

    var peek: UInt8 { at < bytes.count ? bytes[at] : 0 }

    mutating func skipSpace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8, _ message: @autoclosure () -> String) throws {
        skipSpace()
        guard peek == byte else { throw Failure.syntax(message()) }
        at += 1
    }

    mutating func string(_ message: @autoclosure () -> String) throws -> String {
        try stringBytes(message()).description
    }

    /// A string without escapes, as the request's bytes.
    mutating func stringBytes(_ message: @autoclosure () -> String) throws -> RawText {
        try expect(UInt8(ascii: "\""), message())
        let start = at
        while at < bytes.count && bytes[at] != UInt8(ascii: "\"") {
            if bytes[at] == UInt8(ascii: "\\") { throw Failure.syntax("escaped characters are not supported in \(message())") }
            at += 1
        }
        guard at < bytes.count else { throw Failure.syntax("unterminated string") }
        defer { at += 1 }
        return RawText(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<at]))
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    mutating func number(into list: inout PointList, _ path: @autoclosure () -> String) throws {
        skipSpace()
        let start = at
        var negative = false
        if peek == UInt8(ascii: "-") { negative = true; at += 1 }
        var mantissa: UInt64 = 0, digits = 0, scale = 0, integerDigits = 0
        while at < bytes.count, case let d = bytes[at] &- 48, d < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(d) } else { scale += 1 }
            if mantissa > 0 { digits += 1 }
            integerDigits += 1
            at += 1
        }
        guard integerDigits > 0 else { throw Failure.syntax("\(path()) must be a number") }
        if peek == UInt8(ascii: ".") {
            at += 1
            var fraction = 0
            while at < bytes.count, case let d = bytes[at] &- 48, d < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(d); scale -= 1; if mantissa > 0 { digits += 1 } }
                fraction += 1
                at += 1
            }
            guard fraction > 0 else { throw Failure.syntax("\(path()) is not a valid number") }
        }
        var exact = digits <= 15
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            at += 1
            var exponentSign = 1, exponent = 0, exponentDigits = 0
            if peek == UInt8(ascii: "-") { exponentSign = -1; at += 1 } else if peek == UInt8(ascii: "+") { at += 1 }
            while at < bytes.count, case let d = bytes[at] &- 48, d < 10 {
                exponent = Swift.min(exponent * 10 + Int(d), 10_000)
                exponentDigits += 1
                at += 1
            }
            guard exponentDigits > 0 else { throw Failure.syntax("\(path()) is not a valid number") }
            scale += exponentSign * exponent
            exact = false
        }
        var value: Double
        if exact && scale >= -22 && scale <= 22 {
            value = Double(mantissa)
            value = scale < 0 ? value / Self.powersOfTen[-scale] : value * Self.powersOfTen[scale]
            if negative { value = -value }
        } else {
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            value = strtod(text, nil)
        }
        guard value.isFinite else { throw Failure.syntax("\(path()) must be a finite number") }
        list.values.append(value)
        list.tokens.append(UInt32(start))
        list.tokens.append(UInt32(at))
    }
}
