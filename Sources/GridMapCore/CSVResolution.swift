import Foundation
import GridMapGeometry

/// The CSV form of bulk resolution (`gridmap resolve`): records `lon,lat` in (RFC 4180, read by
/// ``CSVByteRecords``; further fields are ignored, spaces around numbers allowed, blank lines
/// skipped), lines `lon,lat,grid_code,village_code,town_code,on_boundary` out with the input
/// numbers echoed as given. Bytes in, bytes out: no string per field or line. Every output field
/// is a code or a number as parsed, so none needs the quoting of ``CSVField``.
public enum CSVResolution {
    public struct LineError: CodedError {
        /// The refusal's code (`invalid_coordinate`, `lat_lon_swapped`), else `malformed_csv`.
        public var errorCode: String
        public var description: String
        public var failureKind: FailureKind { .invalidInput }
    }

    public static let header = "lon,lat,grid_code,village_code,town_code,on_boundary\n"

    /// Resolves every record; a first line that is not numeric is taken as a header and skipped.
    /// Each point must pass ``PointAcceptance`` (range, and not longitude and latitude swapped).
    public static func resolve(_ input: UnsafeRawBufferPointer, crs: CoordinateSystem, resolver: Resolver) throws -> [UInt8] {
        let bytes = input.assumingMemoryBound(to: UInt8.self)
        var values: [Double] = [], spans: [Range<Int>] = [], lines: [Int] = []
        values.reserveCapacity(bytes.count / 12)
        spans.reserveCapacity(bytes.count / 12)
        var records = CSVByteRecords(bytes)
        do {
            while let line = try records.next() {
                let fields = records.fields
                if fields.count == 1 && trimmed(fields[0]).isEmpty { continue }
                guard fields.count >= 2, let lon = PatrolFields.double(trimmed(fields[0])),
                      let lat = PatrolFields.double(trimmed(fields[1])) else {
                    if line == 1 { continue }
                    let text = fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",")
                    throw LineError(errorCode: "malformed_csv", description: "line \(line): expected 'lon,lat', got '\(text)'")
                }
                if let refusal = PointAcceptance.rangeRefusal(Coordinate(lon, lat)) {
                    throw LineError(errorCode: refusal.errorCode, description: "line \(line): \(refusal.description)")
                }
                values.append(lon); values.append(lat)
                lines.append(line)
                for field in [trimmed(fields[0]), trimmed(fields[1])] {
                    spans.append(offset(field, in: bytes)..<(offset(field, in: bytes) + field.count))
                }
            }
        } catch let error as PatrolParseError {
            throw LineError(errorCode: error.errorCode, description: error.description)
        }
        let wgs = crs.toWGS84(interleaved: values)
        for (i, line) in lines.enumerated() {
            if let refusal = PointAcceptance.swapRefusal(Coordinate(values[2 * i], values[2 * i + 1]),
                                                         used: Coordinate(wgs[2 * i], wgs[2 * i + 1]), crs: crs, resolver: resolver) {
                throw LineError(errorCode: refusal.errorCode, description: "line \(line): \(refusal.description)")
            }
        }
        let hits = resolver.resolveCompact(interleaved: wgs)
        let codes = resolver.grids.indices.map { g in
            Array(",\(resolver.grids[g].code),\(resolver.village(ofGrid: g)?.code ?? ""),\(resolver.town(ofGrid: g)?.code ?? ""),".utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(header.utf8.count + hits.count * 64)
        out += header.utf8
        for (i, hit) in hits.enumerated() {
            out += UnsafeBufferPointer(rebasing: bytes[spans[2 * i]])
            out.append(UInt8(ascii: ","))
            out += UnsafeBufferPointer(rebasing: bytes[spans[2 * i + 1]])
            if hit.grid >= 0 { out += codes[Int(hit.grid)] } else { out += ",,,,".utf8 }
            out += hit.onBoundary ? "true\n".utf8 : "false\n".utf8
        }
        return out
    }

    /// The field without the spaces and tabs around it.
    private static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = field.count
        while start < end && (field[start] == 0x20 || field[start] == 0x09) { start += 1 }
        while end > start && (field[end - 1] == 0x20 || field[end - 1] == 0x09) { end -= 1 }
        return UnsafeBufferPointer(rebasing: field[start..<end])
    }

    /// Where a field (a view of `bytes`) starts.
    private static func offset(_ field: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = field.baseAddress, let origin = bytes.baseAddress else { return 0 }
        return base - origin
    }
}
