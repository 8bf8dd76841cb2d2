import Foundation
import GridMapGeometry

/// What a patrol file does not say for itself.
public struct PatrolParseOptions: Sendable {
    /// The grid member the file belongs to: required for GPX, the fallback for records that
    /// name no member in the other formats.
    public var member: String?
    /// The coordinate system of positions that do not name theirs (GPX always; CSV, NDJSON and
    /// GeoJSON without a `crs` value). Chinese apps often export GCJ-02.
    public var crs: CoordinateSystem
    /// Forces the encoding of a CSV file (default: UTF-8, else GB18030; see ``TextDecoding``).
    public var encoding: TextEncoding?
    /// The zone of CSV and NDJSON times written without one (GPX and GeoJSON times must name
    /// theirs, as their specifications ask).
    public var zone: UTCOffset

    public init(member: String? = nil, crs: CoordinateSystem = .wgs84, encoding: TextEncoding? = nil, zone: UTCOffset = .beijing) {
        self.member = member
        self.crs = crs
        self.encoding = encoding
        self.zone = zone
    }
}

/// A patrol file's fixes, and the encoding its text was read in (nil for GPX, whose XML declares
/// its own; JSON and NDJSON are UTF-8).
public struct PatrolFileContents: Sendable {
    public let fixes: [PatrolFix]
    public let encoding: TextEncoding?
}

/// Reads grid members' patrol fixes from GPX, GeoJSON, CSV or NDJSON files (see each reader:
/// `PatrolGPXReader`, `PatrolGeoJSONReader`, `PatrolCSVReader`, `PatrolNDJSONReader`).
public enum PatrolFile {
    /// The fixes of a file, in file order. `format` nil sniffs it from the content. The first bad
    /// record fails the whole file; a file without fixes is an error (`no_fixes`). Every member id,
    /// the given one and each record's, must be a ``TextIdentifier`` (`invalid_member`).
    public static func parse(_ data: Data, format: PatrolFileFormat?,
                             options: PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix] {
        try read(data, format: format, options: options).fixes
    }

    /// The fixes of a file as ``parse(_:format:options:)`` reads them, with the encoding of its text.
    public static func read(_ data: Data, format: PatrolFileFormat?,
                            options: PatrolParseOptions) throws(PatrolParseError) -> PatrolFileContents {
        if let member = options.member { _ = try PatrolFields.member(member, at: "the member given for the file") }
        guard let format = format ?? PatrolFileFormat.sniff(data) else {
            guard data.contains(where: { !PatrolFields.isSpace($0) }) else {
                throw PatrolParseError(.noFixes, "the file is empty")
            }
            throw PatrolParseError(.unknownFormat, "the content is not GPX, GeoJSON, CSV with a time,lon,lat header, or NDJSON")
        }
        let fixes: [PatrolFix], encoding: TextEncoding?
        switch format {
        case .gpx: (fixes, encoding) = (try PatrolGPXReader.fixes(data, options: options), nil)
        case .geojson: (fixes, encoding) = (try PatrolGeoJSONReader.fixes(data, options: options), .utf8)
        case .csv:
            let (text, found) = try utf8(data, options)
            (fixes, encoding) = (try read(text, options, with: PatrolCSVReader.fixes), found)
        case .ndjson: (fixes, encoding) = (try read(data, options, with: PatrolNDJSONReader.fixes), .utf8)
        }
        guard !fixes.isEmpty else { throw PatrolParseError(.noFixes, "the \(format.rawValue) file holds no fixes") }
        return PatrolFileContents(fixes: fixes, encoding: encoding)
    }

    /// Refuses fixes whose longitude and latitude look swapped against `resolver`'s data (the
    /// swap part of ``PointAcceptance``; the range part is checked as each record is read), naming
    /// the first such fix by its position in the file, member and time.
    public static func checkSwapped(_ fixes: [PatrolFix], against resolver: Resolver) throws(PatrolParseError) {
        for (i, fix) in fixes.enumerated() {
            if let refusal = PointAcceptance.swapRefusal(fix.position, used: fix.wgs84, crs: fix.crs, resolver: resolver) {
                throw PatrolParseError(.latLonSwapped, "fix \(i + 1) (member \(fix.member), \(Timestamp.format(milliseconds: fix.milliseconds))): "
                    + refusal.description)
            }
        }
    }

    /// A CSV file's bytes as UTF-8 (unchanged when they are UTF-8, else decoded from GB18030) and the encoding found.
    private static func utf8(_ data: Data, _ options: PatrolParseOptions) throws(PatrolParseError) -> (Data, TextEncoding) {
        do {
            let decoded = try TextDecoding.decode(data, name: "the CSV file", forcing: options.encoding)
            return (decoded.encoding == .utf8 ? data : Data(decoded.text.utf8), decoded.encoding)
        } catch {
            throw PatrolParseError(.undecodableText, error.detail)
        }
    }

    /// Runs a reader of UTF-8 bytes on the data's bytes.
    private static func read(
        _ data: Data, _ options: PatrolParseOptions,
        with reader: (UnsafeBufferPointer<UInt8>, PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix]
    ) throws(PatrolParseError) -> [PatrolFix] {
        try data.withUnsafeBytes { raw in
            Result { () throws(PatrolParseError) in try reader(raw.assumingMemoryBound(to: UInt8.self), options) }
        }.get()
    }
}
