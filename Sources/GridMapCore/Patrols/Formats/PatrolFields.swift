import Foundation
import GridMapGeometry

/// Field values as every patrol file format spells them, read from UTF-8 bytes (no string per
/// field on the hot path), and the checks every format applies. `place` names where the value
/// is (`line 12`) and is only built when something is wrong.
enum PatrolFields {
    /// A decimal number (`-12`, `3.5`, `.5`, `1e-3`), correctly rounded; nil for anything else,
    /// including hex, `inf`, `nan` and surrounding spaces.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard isDecimal(bytes) else { return nil }
        // strtod on a NUL-terminated copy, without making a string. Should the process locale's
        // decimal point not be '.', strtod stops early and Swift's locale-free parser decides.
        let parsed = withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { text -> Double? in
            _ = text.initialize(from: bytes.lazy.map { CChar(bitPattern: $0) })
            text[bytes.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(text.baseAddress!, &end)
            return end == text.baseAddress! + bytes.count ? value : nil
        }
        return parsed ?? Double(String(decoding: bytes, as: UTF8.self))
    }

    static func double(_ text: String) -> Double? {
        var text = text
        return text.withUTF8(double)
    }

    /// Milliseconds since 1970 of an ISO 8601 time (with `Z` or an offset, or read at `zone`
    /// without one) or of an epoch number.
    static func milliseconds(_ bytes: UnsafeBufferPointer<UInt8>, zone: UTCOffset? = nil) -> Int64? {
        Timestamp.parseMilliseconds(utf8: bytes, zone: zone) ?? double(bytes).flatMap(milliseconds(epoch:))
    }

    static func milliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { milliseconds($0) }
    }

    /// An epoch number: seconds when its magnitude is below 1e11 (before year 5138), else
    /// milliseconds; rounded to the millisecond.
    static func milliseconds(epoch: Double) -> Int64? {
        guard epoch.isFinite else { return nil }
        let ms = abs(epoch) < 1e11 ? epoch * 1000 : epoch
        return abs(ms) < 1e15 ? Int64(ms.rounded()) : nil
    }

    /// A coordinate system by its name (`wgs84`, `cgcs2000`, `gcj02`, `bd09`), in any case.
    static func crs(_ bytes: UnsafeBufferPointer<UInt8>) -> CoordinateSystem? {
        CoordinateSystem.allCases.first { matches(bytes, $0.rawValue) }
    }

    static func crs(_ text: String, at place: @autoclosure () -> String) throws(PatrolParseError) -> CoordinateSystem {
        var text = text
        guard let crs = text.withUTF8(crs) else { throw unknownCRS(text, at: place()) }
        return crs
    }

    /// True when `bytes` spell `lowercase` in any ASCII case.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: String) -> Bool {
        lowercase.utf8.count == bytes.count && lowercase.utf8.elementsEqual(bytes) { $0 == ($1 &- 65 < 26 ? $1 | 0x20 : $1) }
    }

    /// Where a file's text starts: after its UTF-8 byte order mark, if it has one.
    static func textStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Space, tab, line feed or carriage return: whitespace in JSON and XML.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 10 || byte == 13 || byte == 9
    }

    /// `bytes` without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }
        var start = 0, end = bytes.count
        while start < end && isBlank(bytes[start]) { start += 1 }
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    static func unknownCRS(_ text: String, at place: String) -> PatrolParseError {
        PatrolParseError(.unknownCRS, "\(place): unknown crs '\(text)' (one of: "
            + CoordinateSystem.allCases.map(\.rawValue).joined(separator: ", ") + ")")
    }

    static func invalidTime(_ text: String, at place: String) -> PatrolParseError {
        PatrolParseError(.invalidTime, "\(place): time '\(text)' is neither ISO 8601 with Z or an offset "
            + "nor epoch seconds or milliseconds")
    }

    /// A member id that is a ``TextIdentifier``.
    static func member(_ text: String, at place: @autoclosure () -> String) throws(PatrolParseError) -> String {
        if let problem = TextIdentifier.problem(text) {
            throw PatrolParseError(.invalidMember, "\(place()): member \(TextIdentifier.quoted(text)) is not a valid id: \(problem)")
        }
        return text
    }

    /// A valid longitude/latitude (the range part of ``PointAcceptance``).
    static func coordinate(_ lon: Double, _ lat: Double, at place: @autoclosure () -> String) throws(PatrolParseError) -> Coordinate {
        let c = Coordinate(lon, lat)
        if let refusal = PointAcceptance.rangeRefusal(c) {
            throw PatrolParseError(refusal.code == .latLonSwapped ? .latLonSwapped : .invalidCoordinate, "\(place()): \(refusal.description)")
        }
        return c
    }

    /// A horizontal accuracy: finite metres, not negative.
    static func accuracy(_ metres: Double, at place: @autoclosure () -> String) throws(PatrolParseError) -> Double {
        guard metres.isFinite && metres >= 0 else {
            throw PatrolParseError(.invalidAccuracy, "\(place()): accuracy \(metres) must be a finite number of metres ≥ 0")
        }
        return metres
    }

    /// `[+-] digits [. digits] [e [+-] digits]`, with at least one mantissa digit.
    private static func isDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, mantissaDigits = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] &- 48 < 10 }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
        while isDigit(i) { i += 1; mantissaDigits += 1 }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while isDigit(i) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if i < bytes.count && bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == bytes.count
    }
}
