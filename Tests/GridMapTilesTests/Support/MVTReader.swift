import GridMapGeometry
import GridMapTiles

/// A small MVT decoder written for the tests from the spec, sharing no code with the encoder: it
/// checks the command structure strictly and gives the raw tables, so tests can look at exactly
/// what was written.
struct MVTReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A value as written: the field it was written in tells its type.
    enum Value: Equatable {
        case string(String), float(Float), double(Double), int(Int64), uint(UInt64), sint(Int64), bool(Bool)
    }

    struct Feature {
        var id: UInt64?
        var tags: [UInt32] = []
        var type: UInt64 = 0
        var geometry: [UInt32] = []
    }

    struct Layer {
        var name = ""
        var version: UInt64 = 1
        var extent: UInt64 = 4096
        var keys: [String] = []
        var values: [Value] = []
        var features: [Feature] = []

        /// A feature's properties, resolved through the tables.
        func properties(of feature: Feature) throws -> [String: Value] {
            guard feature.tags.count % 2 == 0 else { throw Failure(description: "odd number of tags") }
            var properties: [String: Value] = [:]
            for pair in stride(from: 0, to: feature.tags.count, by: 2) {
                let (k, v) = (Int(feature.tags[pair]), Int(feature.tags[pair + 1]))
                guard k < keys.count, v < values.count else { throw Failure(description: "tag index beyond the tables") }
                guard properties.updateValue(values[v], forKey: keys[k]) == nil else {
                    throw Failure(description: "key \(keys[k]) twice in one feature")
                }
            }
            return properties
        }
    }

    /// The layers of an encoded tile.
    static func layers(_ bytes: [UInt8]) throws -> [Layer] {
        var layers: [Layer] = []
        try fields(bytes) { field, wire in
            guard field == 3, case .bytes(let b) = wire else { throw Failure(description: "unexpected tile field \(field)") }
            layers.append(try layer(b))
        }
        return layers
    }

    /// The paths of a geometry: for points one path of all points; for lines one path per line;
    /// for polygons one open ring per ClosePath. Throws on anything the spec forbids.
    static func paths(_ feature: Feature) throws -> [[TilePoint]] {
        var paths: [[TilePoint]] = []
        var x = 0, y = 0, i = 0
        func parameter() throws -> Int {
            guard i < feature.geometry.count else { throw Failure(description: "geometry ends inside a command") }
            defer { i += 1 }
            let n = feature.geometry[i]
            return Int(Int32(bitPattern: (n >> 1) ^ (0 &- (n & 1))))
        }
        while i < feature.geometry.count {
            let command = feature.geometry[i] & 7, count = Int(feature.geometry[i] >> 3)
            i += 1
            switch (command, feature.type) {
            case (1, 1):
                var points: [TilePoint] = []
                for _ in 0..<count { x += try parameter(); y += try parameter(); points.append(TilePoint(x, y)) }
                paths.append(points)
            case (1, 2), (1, 3):
                guard count == 1 else { throw Failure(description: "MoveTo count \(count) in a line or ring") }
                x += try parameter(); y += try parameter()
                paths.append([TilePoint(x, y)])
            case (2, 2), (2, 3):
                guard count >= 1, !paths.isEmpty else { throw Failure(description: "LineTo without MoveTo") }
                for _ in 0..<count {
                    let (dx, dy) = (try parameter(), try parameter())
                    guard dx != 0 || dy != 0 else { throw Failure(description: "zero-length LineTo") }
                    x += dx; y += dy
                    paths[paths.count - 1].append(TilePoint(x, y))
                }
            case (7, 3):
                guard count == 1, let ring = paths.last, ring.count >= 3 else { throw Failure(description: "bad ClosePath") }
                guard ring.last != ring.first else { throw Failure(description: "ring repeats its first point") }
            default: throw Failure(description: "command \(command) in geometry type \(feature.type)")
            }
        }
        return paths
    }

    /// Twice the shoelace area of an open ring in tile coordinates (positive: exterior).
    static func doubledArea(_ ring: [TilePoint]) -> Int {
        var sum = 0
        for (i, a) in ring.enumerated() {
            let b = ring[(i + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum
    }

    /// Polygon rings grouped by winding (a positive ring starts a polygon, negative ones are its
    /// holes), as closed rings in tile coordinates.
    static func multiPolygon(_ feature: Feature) throws -> MultiPolygon {
        var polygons: [Polygon] = []
        for ring in try paths(feature) {
            let closed = (ring + [ring[0]]).map { Coordinate(Double($0.x), Double($0.y)) }
            let area = doubledArea(ring)
            if area > 0 {
                polygons.append(Polygon(exterior: closed))
            } else {
                guard area < 0, !polygons.isEmpty else { throw Failure(description: "ring of area \(area) without an exterior") }
                polygons[polygons.count - 1].holes.append(closed)
            }
        }
        return MultiPolygon(polygons)
    }

    // MARK: Protobuf

    private enum Wire {
        case varint(UInt64), fixed64(UInt64), bytes([UInt8]), fixed32(UInt32)
    }

    /// Reads varints and byte runs from a buffer.
    private struct ByteReader {
        let bytes: [UInt8]
        var offset = 0

        var atEnd: Bool { offset >= bytes.count }

        mutating func varint() throws -> UInt64 {
            var value: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard offset < bytes.count, shift < 64 else { throw Failure(description: "truncated varint") }
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        mutating func take(_ n: Int) throws -> [UInt8] {
            guard n >= 0, offset + n <= bytes.count else { throw Failure(description: "truncated field") }
            defer { offset += n }
            return Array(bytes[offset..<offset + n])
        }

        mutating func littleEndian(_ n: Int) throws -> UInt64 {
            try take(n).reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
    }

    private static func fields(_ bytes: [UInt8], _ visit: (Int, Wire) throws -> Void) throws {
        var reader = ByteReader(bytes: bytes)
        while !reader.atEnd {
            let key = try reader.varint()
            let field = Int(key >> 3)
            switch key & 7 {
            case 0: try visit(field, .varint(try reader.varint()))
            case 1: try visit(field, .fixed64(try reader.littleEndian(8)))
            case 2: try visit(field, .bytes(try reader.take(Int(try reader.varint()))))
            case 5: try visit(field, .fixed32(UInt32(try reader.littleEndian(4))))
            default: throw Failure(description: "wire type \(key & 7)")
            }
        }
    }

    private static func packed(_ bytes: [UInt8]) throws -> [UInt32] {
        var reader = ByteReader(bytes: bytes)
        var values: [UInt32] = []
        while !reader.atEnd {
            let value = try reader.varint()
            guard let narrow = UInt32(exactly: value) else { throw Failure(description: "packed value \(value) beyond uint32") }
            values.append(narrow)
        }
        return values
    }

    private static func layer(_ bytes: [UInt8]) throws -> Layer {
        var layer = Layer()
        try fields(bytes) { field, wire in
            switch (field, wire) {
            case (15, .varint(let v)): layer.version = v
            case (1, .bytes(let b)): layer.name = String(decoding: b, as: UTF8.self)
            case (2, .bytes(let b)): layer.features.append(try feature(b))
            case (3, .bytes(let b)): layer.keys.append(String(decoding: b, as: UTF8.self))
            case (4, .bytes(let b)): layer.values.append(try value(b))
            case (5, .varint(let v)): layer.extent = v
            default: throw Failure(description: "unexpected layer field \(field)")
            }
        }
        return layer
    }

    private static func feature(_ bytes: [UInt8]) throws -> Feature {
        var feature = Feature()
        try fields(bytes) { field, wire in
            switch (field, wire) {
            case (1, .varint(let v)): feature.id = v
            case (2, .bytes(let b)): feature.tags = try packed(b)
            case (3, .varint(let v)): feature.type = v
            case (4, .bytes(let b)): feature.geometry = try packed(b)
            default: throw Failure(description: "unexpected feature field \(field)")
            }
        }
        return feature
    }

    private static func value(_ bytes: [UInt8]) throws -> Value {
        var values: [Value] = []
        try fields(bytes) { field, wire in
            switch (field, wire) {
            case (1, .bytes(let b)): values.append(.string(String(decoding: b, as: UTF8.self)))
            case (2, .fixed32(let v)): values.append(.float(Float(bitPattern: v)))
            case (3, .fixed64(let v)): values.append(.double(Double(bitPattern: v)))
            case (4, .varint(let v)): values.append(.int(Int64(bitPattern: v)))
            case (5, .varint(let v)): values.append(.uint(v))
            case (6, .varint(let v)): values.append(.sint(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)))
            case (7, .varint(let v)): values.append(.bool(v != 0))
            default: throw Failure(description: "unexpected value field \(field)")
            }
        }
        guard values.count == 1, let value = values.first else { throw Failure(description: "value with \(values.count) fields") }
        return value
    }
}
