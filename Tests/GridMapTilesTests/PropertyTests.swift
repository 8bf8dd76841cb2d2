import Testing
@testable import GridMapTiles

/// Feature properties: each distinct key and value stored once per layer, in the value field of
/// its type, and read back the same by our reader and by GDAL.
@Suite struct PropertyTests {
    private static let square = TileGeometry.polygons([TilePolygon(exterior: [TilePoint(10, 10), TilePoint(20, 10), TilePoint(20, 20), TilePoint(10, 20)])])

    private static let properties: [[String: TileValue]] = [
        ["name": "利山村第6网格", "households": 420, "density": 0.5, "open": true],
        ["name": "利山村第6网格", "households": -3, "density": 1.0, "open": false, "code": "331102102224006"],
        ["households": 1, "density": 1.0, "flag": true, "big": .int(.max), "small": .int(.min), "nan": .double(.nan)],
        ["also_nan": .double(.nan), "zero": 0.0, "negative_zero": -0.0, "one_text": "1"],
    ]

    private static func encodedLayer(id: (Int) -> UInt64? = { UInt64($0 + 1) }) -> [UInt8] {
        var tile = VectorTile()
        tile.addLayer(name: "grids", features: properties.enumerated().map { index, properties in
            VectorTile.Feature(id: id(index), properties: properties, geometry: square)
        })
        return tile.encoded()
    }

    @Test func keysAndValuesAreStoredOnceWithTheirTypes() throws {
        let layers = try MVTReader.layers(Self.encodedLayer())
        let layer = try #require(layers.first)
        #expect(layers.count == 1 && layer.name == "grids" && layer.version == 2 && layer.extent == 4096)
        #expect(layer.keys.count == Set(layer.keys).count)
        #expect(Set(layer.keys) == Set(Self.properties.flatMap(\.keys)))
        // Distinct values: the name, 420, 0.5, true, -3, 1.0, false, the code, 1, Int64.max, Int64.min,
        // NaN (both), 0.0, -0.0 and "1": integer 1, double 1.0 and string "1" stay apart.
        #expect(layer.values.count == 15)
        let written = layer.values
        #expect(written.contains(.string("利山村第6网格")) && written.contains(.string("1")))
        #expect(written.contains(.int(420)) && written.contains(.int(1)) && written.contains(.int(.max)))
        #expect(written.contains(.sint(-3)) && written.contains(.sint(.min)))
        #expect(written.contains(.double(0.5)) && written.contains(.double(1.0)))
        #expect(written.contains(.bool(true)) && written.contains(.bool(false)))
        let doubles = written.compactMap { value -> Double? in if case .double(let d) = value { d } else { nil } }
        #expect(doubles.filter(\.isNaN).count == 1)
        #expect(Set(doubles.filter { $0 == 0 }.map(\.sign)) == [.plus, .minus])

        for (feature, properties) in zip(layer.features, Self.properties) {
            let read = try layer.properties(of: feature)
            #expect(read.count == properties.count)
            for (key, value) in properties { #expect(Self.matches(read[key], value), "\(key)") }
        }
    }

    @Test func idsAreWrittenOnlyWhenGiven() throws {
        let layer = try #require(try MVTReader.layers(Self.encodedLayer { $0 == 2 ? nil : UInt64.max - UInt64($0) }).first)
        #expect(layer.features.map(\.id) == [UInt64.max, UInt64.max - 1, nil, UInt64.max - 3])
    }

    @Test func sameInputSameBytes() {
        var reordered = VectorTile()
        reordered.addLayer(name: "grids", features: Self.properties.enumerated().map { index, properties in
            var rebuilt: [String: TileValue] = [:]
            for key in properties.keys.reversed() { rebuilt[key] = properties[key] }
            return VectorTile.Feature(id: UInt64(index + 1), properties: rebuilt, geometry: Self.square)
        })
        #expect(reordered.encoded() == Self.encodedLayer())
    }

    @Test func gdalReadsIdsAndProperties() throws {
        var tile = VectorTile()
        tile.addLayer(name: "grids", features: [
            VectorTile.Feature(id: 7, properties: ["name": "利山村第6网格", "households": 420, "area": 0.25, "open": true],
                               geometry: Self.square),
            VectorTile.Feature(id: 1 << 40, properties: ["name": "第7网格", "households": -3, "area": 1.5, "open": false],
                               geometry: Self.square),
        ])
        let features = try GDALTileReader.features(layer: "grids", of: tile.encoded(), tile: TileID(z: 14, x: 13641, y: 6903))
        #expect(features.map(\.id) == [7, 1 << 40])
        #expect(features.map { $0.properties["name"]?.string } == ["利山村第6网格", "第7网格"])
        #expect(features.map { $0.properties["households"]?.number } == [420, -3])
        #expect(features.map { $0.properties["area"]?.number } == [0.25, 1.5])
        #expect(features.map { $0.properties["open"] } == [.bool(true), .bool(false)])
    }

    private static func matches(_ read: MVTReader.Value?, _ value: TileValue) -> Bool {
        switch (read, value) {
        case (.string(let a)?, .string(let b)): a == b
        case (.int(let a)?, .int(let b)): b >= 0 && a == b
        case (.sint(let a)?, .int(let b)): b < 0 && a == b
        case (.double(let a)?, .double(let b)): a.bitPattern == b.bitPattern
        case (.bool(let a)?, .bool(let b)): a == b
        default: false
        }
    }
}
