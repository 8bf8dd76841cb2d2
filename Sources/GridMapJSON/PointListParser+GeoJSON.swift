import Foundation

extension PointListParser {
    /// Reads a bulk resolve body given as a GeoJSON FeatureCollection of Points in one pass over
    /// the bytes, with the point list's number parser (so points are echoed as spelled), naming
    /// the first problem by its place (`features[12].geometry.coordinates[1] must be a finite
    /// number`). Members may come in any order; other members (`properties`, `bbox`, `id`, …) are
    /// skipped with their strings and brackets checked, not parsed. A third (altitude) coordinate
    /// is read and ignored.
    public static func parseFeatureCollection(_ bytes: UnsafeRawBufferPointer, maxPoints: Int) throws -> PointList {
        var parser = PointListParser(bytes)
        var list = PointList()
        list.values.reserveCapacity(Swift.min(bytes.count / 40, maxPoints * 2))
        list.tokens.reserveCapacity(Swift.min(bytes.count / 20, maxPoints * 4))
        var isCollection = false, sawFeatures = false
        try parser.expect(UInt8(ascii: "{"), "the body must be a JSON object")
        try parser.members(of: "the body") { parser, key in
            if key == "type" {
                isCollection = try parser.stringBytes("\"type\" must be a string") == "FeatureCollection"
            } else if key == "features" {
                try parser.features(into: &list, maxPoints: maxPoints)
                sawFeatures = true
            } else {
                try parser.skipValue()
            }
        }
        parser.skipSpace()
        guard parser.at == bytes.count else { throw Failure.syntax("unexpected text after the JSON object at byte \(parser.at)") }
        guard isCollection, sawFeatures else {
            throw Failure.syntax("a GeoJSON body must be a FeatureCollection with \"features\"")
        }
        return list
    }

    /// Calls `member` with each key of an object whose `{` has been read, up to its `}`. Keys are
    /// the request's own bytes, compared without making strings.
    private mutating func members(of place: @autoclosure () -> String,
                                  _ member: (inout PointListParser, RawText) throws -> Void) throws {
        skipSpace()
        if peek == UInt8(ascii: "}") { at += 1; return }
        while true {
            let key = try stringBytes("a field name in \(place())")
            try expect(UInt8(ascii: ":"), "expected ':' after \"\(key)\" in \(place())")
            try member(&self, key)
            skipSpace()
            if peek == UInt8(ascii: ",") { at += 1; continue }
            try expect(UInt8(ascii: "}"), "expected ',' or '}' in \(place())")
            return
        }
    }

    private mutating func features(into list: inout PointList, maxPoints: Int) throws {
        try expect(UInt8(ascii: "["), "\"features\" must be an array")
        skipSpace()
        if peek == UInt8(ascii: "]") { at += 1; return }
        var i = 0
        while true {
            if i == maxPoints { throw Failure.tooManyPoints(limit: maxPoints) }
            try feature(i, into: &list)
            i += 1
            skipSpace()
            if peek == UInt8(ascii: ",") { at += 1; continue }
            try expect(UInt8(ascii: "]"), "expected ',' or ']' after features[\(i - 1)]")
            return
        }
    }

    private mutating func feature(_ i: Int, into list: inout PointList) throws {
        try expect(UInt8(ascii: "{"), "features[\(i)] must be a Feature object")
        var isFeature = false, sawGeometry = false
        try members(of: "features[\(i)]") { parser, key in
            if key == "type" {
                isFeature = try parser.stringBytes("features[\(i)].type must be a string") == "Feature"
            } else if key == "geometry" {
                try parser.point(i, into: &list)
                sawGeometry = true
            } else {
                try parser.skipValue()
            }
        }
        guard isFeature, sawGeometry else { throw Failure.syntax("features[\(i)] is not a Feature with a Point geometry") }
    }

    private mutating func point(_ i: Int, into list: inout PointList) throws {
        skipSpace()
        guard peek == UInt8(ascii: "{") else { throw Failure.syntax("features[\(i)] has no Point geometry") }
        at += 1
        var isPoint = false, sawCoordinates = false
        try members(of: "features[\(i)].geometry") { parser, key in
            if key == "type" {
                let type = try parser.stringBytes("features[\(i)].geometry.type must be a string")
                guard type == "Point" else { throw Failure.syntax("features[\(i)] is a \(type), not a Point") }
                isPoint = true
            } else if key == "coordinates" {
                try parser.position(i, into: &list)
                sawCoordinates = true
            } else {
                try parser.skipValue()
            }
        }
        guard isPoint, sawCoordinates else { throw Failure.syntax("features[\(i)] is not a Feature with a Point geometry") }
    }

    private mutating func position(_ i: Int, into list: inout PointList) throws {
        func place() -> String { "features[\(i)].geometry.coordinates" }
        try expect(UInt8(ascii: "["), "\(place()) must be a [lon, lat] array")
        try number(into: &list, "\(place())[0]")
        try expect(UInt8(ascii: ","), "\(place()) must have two numbers")
        try number(into: &list, "\(place())[1]")
        skipSpace()
        if peek == UInt8(ascii: ",") {
            at += 1
            var altitude = PointList()
            try number(into: &altitude, "\(place())[2]")
        }
        try expect(UInt8(ascii: "]"), "\(place()) must be [lon, lat] or [lon, lat, altitude]")
    }

    /// Skips one JSON value: strings (with escapes), literals and numbers by their characters,
    /// objects and arrays by matching brackets (no recursion, so depth cannot exhaust the stack;
    /// the first 64 levels are bits of one word, so a shallow value allocates nothing).
    private mutating func skipValue() throws {
        var open = BracketStack()
        repeat {
            skipSpace()
            guard at < bytes.count else { throw Failure.syntax("the body ends inside a value") }
            switch bytes[at] {
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                open.push(object: bytes[at] == UInt8(ascii: "{"))
                at += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard let object = open.top, object == (bytes[at] == UInt8(ascii: "}")) else {
                    throw Failure.syntax("mismatched '\(Character(Unicode.Scalar(bytes[at])))' at byte \(at)")
                }
                open.pop()
                at += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard open.top != nil else { throw Failure.syntax("unexpected '\(Character(Unicode.Scalar(bytes[at])))' at byte \(at)") }
                at += 1
            default:
                let start = at
                while at < bytes.count, Self.isScalarByte(bytes[at]) { at += 1 }
                guard at > start else { throw Failure.syntax("unexpected byte \(bytes[at]) at byte \(at)") }
            }
        } while open.top != nil
    }

    /// The open brackets of a skipped value, innermost last: whether each is an object.
    private struct BracketStack {
        private var shallow: UInt64 = 0
        private var deeper: [Bool] = []
        private var depth = 0

        /// The innermost open bracket (true: an object), nil when none is open.
        var top: Bool? {
            guard depth > 0 else { return nil }
            return depth <= 64 ? shallow & (1 << UInt64(depth - 1)) != 0 : deeper.last
        }

        mutating func push(object: Bool) {
            if depth < 64 {
                shallow = object ? shallow | (1 << UInt64(depth)) : shallow & ~(1 << UInt64(depth))
            } else {
                deeper.append(object)
            }
            depth += 1
        }

        mutating func pop() {
            depth -= 1
            if depth >= 64 { deeper.removeLast() }
        }
    }

    private mutating func skipString() throws {
        at += 1
        while at < bytes.count && bytes[at] != UInt8(ascii: "\"") {
            at += bytes[at] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard at < bytes.count else { throw Failure.syntax("unterminated string") }
        at += 1
    }

    /// Bytes of numbers and of `true`, `false`, `null`.
    private static func isScalarByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: false
        }
    }
}

/// A JSON string's bytes in the request, without its quotes (no escapes): compared with a literal
/// byte for byte, made a `String` only for a message.
struct RawText: CustomStringConvertible {
    let bytes: UnsafeRawBufferPointer

    static func == (text: RawText, literal: StaticString) -> Bool {
        text.bytes.count == literal.utf8CodeUnitCount
            && memcmp(text.bytes.baseAddress!, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }

    var description: String { String(decoding: bytes, as: UTF8.self) }
}
