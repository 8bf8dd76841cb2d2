import Foundation

/// Well-Known Binary for (multi)polygons: the exact, lossless way geometries cross the
/// SpatiaLite boundary (`GeomFromWKB` in, `AsBinary` out).
public enum WKB {
    /// Little-endian 2D MultiPolygon WKB.
    public static func encode(_ geometry: MultiPolygon) -> Data {
        var out = Data(capacity: 9 + geometry.vertexCount * 16 + geometry.polygons.count * 9)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        out.append(1); u32(6); u32(UInt32(geometry.polygons.count))
        for polygon in geometry.polygons {
            out.append(1); u32(3); u32(UInt32(polygon.rings.count))
            for ring in polygon.rings {
                u32(UInt32(ring.count))
                for c in ring { f64(c.x); f64(c.y) }
            }
        }
        return out
    }

    /// Decodes a 2D Polygon or MultiPolygon.
    public static func decode(_ data: Data) throws -> MultiPolygon {
        var reader = Reader(bytes: [UInt8](data))
        let (type, littleEndian) = try reader.header()
        switch type {
        case 3: return MultiPolygon([try reader.polygon(littleEndian)])
        case 6:
            let count = try reader.u32(littleEndian)
            return MultiPolygon(try (0..<count).map { _ in
                let (partType, partEndian) = try reader.header()
                guard partType == 3 else { throw GeoJSONError("WKB: MultiPolygon part of type \(partType)") }
                return try reader.polygon(partEndian)
            })
        default: throw GeoJSONError("WKB: geometry type \(type) is not Polygon or MultiPolygon")
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func header() throws -> (UInt32, Bool) {
            guard offset < bytes.count else { throw GeoJSONError("WKB: truncated") }
            let little = bytes[offset] == 1
            offset += 1
            return (try u32(little), little)
        }

        mutating func u32(_ little: Bool) throws -> UInt32 {
            guard offset + 4 <= bytes.count else { throw GeoJSONError("WKB: truncated") }
            var v: UInt32 = 0
            for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * (little ? i : 3 - i)) }
            offset += 4
            return v
        }

        mutating func f64(_ little: Bool) throws -> Double {
            guard offset + 8 <= bytes.count else { throw GeoJSONError("WKB: truncated") }
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * (little ? i : 7 - i)) }
            offset += 8
            return Double(bitPattern: v)
        }

        mutating func polygon(_ little: Bool) throws -> Polygon {
            let rings: [Ring] = try (0..<(try u32(little))).map { _ in
                try (0..<(try u32(little))).map { _ in Coordinate(try f64(little), try f64(little)) }
            }
            guard let exterior = rings.first else { throw GeoJSONError("WKB: polygon without rings") }
            return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
        }
    }
}

extension WKB {
    /// Little-endian 2D LineString WKB, or a Point for a single coordinate.
    public static func encodeLine(_ coordinates: [Coordinate]) -> Data {
        var out = Data(capacity: 9 + coordinates.count * 16)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        out.append(1)
        if coordinates.count == 1 {
            u32(1)
        } else {
            u32(2); u32(UInt32(coordinates.count))
        }
        for c in coordinates { f64(c.x); f64(c.y) }
        return out
    }
}
