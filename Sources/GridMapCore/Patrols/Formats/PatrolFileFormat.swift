import Foundation

/// The file formats grid members' patrol tracks arrive in.
public enum PatrolFileFormat: String, Sendable, CaseIterable {
    case gpx, geojson, csv, ndjson

    /// From a file extension, with or without its dot, in any case (`json` is GeoJSON, `jsonl`
    /// NDJSON); nil when unknown.
    public init?(fileExtension: String) {
        let name = fileExtension.lowercased()
        switch name.hasPrefix(".") ? String(name.dropFirst()) : name {
        case "gpx": self = .gpx
        case "geojson", "json": self = .geojson
        case "csv": self = .csv
        case "ndjson", "jsonl": self = .ndjson
        default: return nil
        }
    }

    /// From an HTTP content type, parameters ignored (`text/csv; charset=utf-8`); nil when unknown.
    public init?(contentType: String) {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        switch mediaType.trimmingCharacters(in: .whitespaces).lowercased() {
        case "application/gpx+xml": self = .gpx
        case "application/geo+json", "application/json": self = .geojson
        case "text/csv": self = .csv
        case "application/x-ndjson", "application/ndjson": self = .ndjson
        default: return nil
        }
    }

    /// The format a file's content shows, after a byte order mark and whitespace:
    /// - `<` is GPX (a document of another root is refused when read);
    /// - `{` is GeoJSON when the object's top-level `"type"` names a GeoJSON object, NDJSON when
    ///   the first line is a whole object without one, and otherwise GeoJSON (so that the JSON
    ///   error is reported when read); a pretty-printed document is GeoJSON;
    /// - a first line that is a CSV header naming time, lon and lat columns is CSV;
    /// - anything else, a JSON array included, is nil.
    public static func sniff(_ data: Data) -> PatrolFileFormat? {
        data.withUnsafeBytes { sniff($0.assumingMemoryBound(to: UInt8.self)) }
    }

    private static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> PatrolFileFormat? {
        var start = PatrolFields.textStart(bytes)
        while start < bytes.count && PatrolFields.isSpace(bytes[start]) { start += 1 }
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "<"): return .gpx
        case UInt8(ascii: "{"):
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            return firstLineIsRecord(UnsafeBufferPointer(rebasing: bytes[start..<end])) ? .ndjson : .geojson
        case UInt8(ascii: "["): return nil
        default: return PatrolCSVReader.hasHeader(bytes) ? .csv : nil
        }
    }

    /// True when the line is a whole JSON object whose `"type"` (if any) is no GeoJSON type.
    private static func firstLineIsRecord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let geoJSONTypes = ["FeatureCollection", "Feature", "Point", "MultiPoint", "LineString", "MultiLineString",
                            "Polygon", "MultiPolygon", "GeometryCollection"]
        var scanner = JSONLineScanner(line, line: 1)
        var scratch = ScratchBytes()
        scratch.reset(capacity: line.count)
        do throws(PatrolParseError) {
            try scanner.beginObject()
            while let key = try scanner.nextKey(&scratch) {
                guard key.elementsEqual("type".utf8) else {
                    try scanner.skipValue(&scratch)
                    continue
                }
                if case .string(let type) = try scanner.scalar(&scratch),
                   geoJSONTypes.contains(where: { $0.utf8.elementsEqual(type) }) { return false }
            }
            return scanner.atEnd()
        } catch {
            return false
        }
    }
}
