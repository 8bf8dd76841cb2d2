import Foundation
import GridMapGeometry

/// The fields of one CSV row or NDJSON object, as UTF-8 bytes; nil when absent.
struct PatrolRecord {
    /// The fields a record may name.
    enum Field {
        case member, time, lon, lat, accuracy, crs

        /// The column or key names accepted for each field, in lowercase (matched in any case).
        private static let names: [(name: String, field: Field)] = [
            ("member", .member), ("time", .time), ("timestamp", .time), ("lon", .lon), ("longitude", .lon),
            ("lng", .lon), ("lat", .lat), ("latitude", .lat), ("accuracy", .accuracy), ("crs", .crs),
        ]

        init?(name: UnsafeBufferPointer<UInt8>) {
            let name = PatrolFields.trimmed(name)
            guard let field = Self.names.first(where: { PatrolFields.matches(name, $0.name) })?.field else { return nil }
            self = field
        }
    }

    var member, time, lon, lat, accuracy, crs: UnsafeBufferPointer<UInt8>?

    subscript(field: Field) -> UnsafeBufferPointer<UInt8>? {
        get {
            switch field {
            case .member: member
            case .time: time
            case .lon: lon
            case .lat: lat
            case .accuracy: accuracy
            case .crs: crs
            }
        }
        set {
            switch field {
            case .member: member = newValue
            case .time: time = newValue
            case .lon: lon = newValue
            case .lat: lat = newValue
            case .accuracy: accuracy = newValue
            case .crs: crs = newValue
            }
        }
    }
}

/// Turns records into fixes, checking every field; errors name the record's line. Empty fields
/// count as absent: member falls back to the given member, crs to the given crs, accuracy to none.
struct PatrolRecordConverter {
    private let options: PatrolParseOptions
    /// The error code for bytes that are not text (`malformed_csv`, `malformed_json`).
    private let malformed: PatrolParseError.Code
    /// Rows come grouped by member: the last member's string is reused while its bytes repeat.
    private var lastMember = ""
    private var lastMemberBytes: [UInt8] = []

    init(options: PatrolParseOptions, malformed: PatrolParseError.Code) {
        self.options = options
        self.malformed = malformed
    }

    mutating func fix(_ record: PatrolRecord, line: Int) throws(PatrolParseError) -> PatrolFix {
        func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        func present(_ field: UnsafeBufferPointer<UInt8>?) -> UnsafeBufferPointer<UInt8>? {
            field.map(PatrolFields.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        }
        let member = try member(present(record.member), line: line)
        guard let time = present(record.time) else { throw PatrolParseError(.missingTime, "line \(line): no time") }
        guard let ms = PatrolFields.milliseconds(time, zone: options.zone) else { throw PatrolFields.invalidTime(text(time), at: "line \(line)") }
        func degrees(_ field: PatrolRecord.Field, _ bytes: UnsafeBufferPointer<UInt8>?) throws(PatrolParseError) -> Double {
            guard let bytes = present(bytes) else { throw PatrolParseError(.invalidCoordinate, "line \(line): no \(field)") }
            guard let value = PatrolFields.double(bytes) else {
                throw PatrolParseError(.invalidCoordinate, "line \(line): \(field) '\(text(bytes))' is not a number")
            }
            return value
        }
        let position = try PatrolFields.coordinate(try degrees(.lon, record.lon), try degrees(.lat, record.lat), at: "line \(line)")
        var accuracy: Double?
        if let bytes = present(record.accuracy) {
            guard let metres = PatrolFields.double(bytes) else {
                throw PatrolParseError(.invalidAccuracy, "line \(line): accuracy '\(text(bytes))' is not a number")
            }
            accuracy = try PatrolFields.accuracy(metres, at: "line \(line)")
        }
        var crs = options.crs
        if let bytes = present(record.crs) {
            guard let named = PatrolFields.crs(bytes) else { throw PatrolFields.unknownCRS(text(bytes), at: "line \(line)") }
            crs = named
        }
        return PatrolFix(member: member, milliseconds: ms, position: position, crs: crs, accuracy: accuracy)
    }

    private mutating func member(_ bytes: UnsafeBufferPointer<UInt8>?, line: Int) throws(PatrolParseError) -> String {
        guard let bytes else {
            guard let member = options.member else {
                throw PatrolParseError(.missingMember, "line \(line): no member, and none was given for the file")
            }
            return member
        }
        let repeated = bytes.count == lastMemberBytes.count
            && memcmp(bytes.baseAddress!, lastMemberBytes, bytes.count) == 0
        if !repeated {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw PatrolParseError(malformed, "line \(line): member is not UTF-8 text")
            }
            lastMember = try PatrolFields.member(text, at: "line \(line)")
            lastMemberBytes = Array(bytes)
        }
        return lastMember
    }
}
