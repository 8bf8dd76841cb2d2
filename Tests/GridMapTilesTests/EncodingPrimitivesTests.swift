import Testing
@testable import GridMapTiles

/// The protobuf writer and the geometry commands against the published encodings: the protobuf
/// encoding guide and the examples of the MVT 2.1 specification (section 4.3.5).
@Suite struct EncodingPrimitivesTests {
    @Test func varintsAndZigzag() {
        for (value, bytes) in [(UInt64(0), [0x00]), (1, [0x01]), (127, [0x7f]), (128, [0x80, 0x01]), (300, [0xac, 0x02]),
                               (UInt64(UInt32.max), [0xff, 0xff, 0xff, 0xff, 0x0f]),
                               (UInt64.max, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])] as [(UInt64, [UInt8])] {
            var writer = ProtobufWriter()
            writer.varint(value)
            #expect(writer.bytes == bytes, "varint \(value)")
        }
        for (value, zigzag) in [(Int64(0), UInt64(0)), (-1, 1), (1, 2), (-2, 3), (2_147_483_647, 4_294_967_294),
                                (-2_147_483_648, 4_294_967_295), (.max, .max - 1), (.min, .max)] {
            #expect(ProtobufWriter.zigzag(value) == zigzag, "zigzag \(value)")
        }
    }

    @Test func fieldsOfEachWireType() {
        var writer = ProtobufWriter()
        writer.unsigned(1, 150)
        writer.signed(6, -2)
        writer.double(3, 1.0)
        writer.string(2, "testing")
        writer.packed(4, [3, 270, 86942])
        writer.message(15) { $0.unsigned(1, 1) }
        #expect(writer.bytes == [0x08, 0x96, 0x01,
                                 0x30, 0x03,
                                 0x19, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f,
                                 0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67,
                                 0x22, 0x06, 0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05,
                                 0x7a, 0x02, 0x08, 0x01])
    }

    @Test func specificationGeometryExamples() {
        func integers(_ geometry: TileGeometry) -> [UInt32]? { GeometryCommands.encode(geometry)?.integers }
        let p = TilePoint.init
        #expect(integers(.points([p(25, 17)])) == [9, 50, 34])
        #expect(integers(.points([p(5, 7), p(3, 2)])) == [17, 10, 14, 3, 9])
        #expect(integers(.lines([[p(2, 2), p(2, 10), p(10, 10)]])) == [9, 4, 4, 18, 0, 16, 16, 0])
        #expect(integers(.lines([[p(2, 2), p(2, 10), p(10, 10)], [p(1, 1), p(3, 5)]]))
                == [9, 4, 4, 18, 0, 16, 16, 0, 9, 17, 17, 10, 4, 8])
        #expect(integers(.polygons([TilePolygon(exterior: [p(3, 6), p(8, 12), p(20, 34), p(3, 6)])]))
                == [9, 6, 12, 18, 10, 12, 24, 44, 15])
        let multiPolygon: [TilePolygon] = [
            TilePolygon(exterior: [p(0, 0), p(10, 0), p(10, 10), p(0, 10), p(0, 0)]),
            TilePolygon(exterior: [p(11, 11), p(20, 11), p(20, 20), p(11, 20), p(11, 11)],
                        holes: [[p(13, 13), p(13, 17), p(17, 17), p(17, 13), p(13, 13)]]),
        ]
        #expect(integers(.polygons(multiPolygon))
                == [9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15, 9, 22, 2, 26, 18, 0, 0, 18, 17, 0, 15, 9, 4, 13, 26, 0, 8, 8, 0, 0, 7, 15])
        #expect(GeometryCommands.encode(.points([p(1, 1)]))?.type == .point)
        #expect(GeometryCommands.encode(.lines([[p(1, 1), p(2, 1)]]))?.type == .lineString)
        #expect(GeometryCommands.encode(.polygons(multiPolygon))?.type == .polygon)
    }

    @Test func nothingToDrawEncodesNothing() {
        let p = TilePoint.init
        #expect(GeometryCommands.encode(.points([])) == nil)
        #expect(GeometryCommands.encode(.lines([[p(1, 1)], [p(2, 2), p(2, 2), p(2, 2)]])) == nil)
        #expect(GeometryCommands.encode(.polygons([TilePolygon(exterior: [p(0, 0), p(5, 5), p(9, 9), p(0, 0)])])) == nil)
        #expect(GeometryCommands.encode(.polygons([])) == nil)
    }
}
