import Foundation
import GridMapGeometry
import Testing
import GridMapTiles
import GridMapTestSupport

/// gzip output checked by gzip itself.
@Suite struct GzipTests {
    private static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        Array(try ExternalTool.run("/usr/bin/gzip", ["-dc"], input: bytes))
    }

    @Test func roundTripsThroughGzip() throws {
        var random = SplitMix64(seed: 1)
        let noise = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let text = Array(String(repeating: "利山村第6网格 331102102224006\n", count: 5_000).utf8)
        var tile = VectorTile()
        tile.addLayer(name: "points", features: (0..<2_000).map { i in
            VectorTile.Feature(id: UInt64(i), properties: ["n": .int(Int64(i % 7))], geometry: .points([TilePoint(i % 4096, i / 2)]))
        })
        for input in [[], [0x41], noise, text, tile.encoded()] {
            let compressed = try Gzip.compress(input)
            #expect(compressed.prefix(3) == [0x1f, 0x8b, 0x08], "gzip magic and deflate")
            #expect(try Self.gunzip(compressed) == input)
        }
        #expect(try Gzip.compress(text).count < text.count / 20)
    }
}
