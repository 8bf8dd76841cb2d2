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

/// Reads grid members' patrol fixes from GPX, GeoJSON, CSV or NDJSON files (see each reader:
/// `PatrolGPXReader`, `PatrolGeoJSONReader`, `PatrolCSVReader`, `PatrolNDJSONReader`).
public enum PatrolFile {
    /// The fixes of a file, in file order. `format` nil sniffs it from the content. The first bad
    /// record fails the whole file; a file without fixes is an error (`no_fixes`). Every member id,
    /// the given one and each record's, must be a ``TextIdentifier`` (`invalid_member`).
    public static func parse(_ data: Data, format: PatrolFileFormat?,
                             options: PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix] {
        if let member = options.member { _ = try PatrolFields.member(member, at: "the member given for the file") }
        guard let format = format ?? PatrolFileFormat.sniff(data) else {
            guard data.contains(where: { !PatrolFields.isSpace($0) }) else {
                throw PatrolParseError(.noFixes, "the file is empty")
            }
            throw PatrolParseError(.unknownFormat, "the content is not GPX, GeoJSON, CSV with a time,lon,lat header, or NDJSON")
        }
        let fixes: [PatrolFix]
        switch format {
        case .gpx: fixes = try PatrolGPXReader.fixes(data, options: options)
        case .geojson: fixes = try PatrolGeoJSONReader.fixes(data, options: options)
        case .csv: fixes = try read(try utf8(data, options), options, with: PatrolCSVReader.fixes)
        case .ndjson: fixes = try read(data, options, with: PatrolNDJSONReader.fixes)
        }
        guard !fixes.isEmpty else { throw PatrolParseError(.noFixes, "the \(format.rawValue) file holds no fixes") }
        return fixes
    }

    /// A CSV file's bytes as UTF-8: unchanged when they are UTF-8, else decoded from GB18030.
    private static func utf8(_ data: Data, _ options: PatrolParseOptions) throws(PatrolParseError) -> Data {
        do {
            let decoded = try TextDecoding.decode(data, name: "the CSV file", forcing: options.encoding)
            return decoded.encoding == .utf8 ? data : Data(decoded.text.utf8)
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
