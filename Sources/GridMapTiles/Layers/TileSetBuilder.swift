import GridMapCore
import GridMapGeometry

/// Renders every tile of a zoom range over an area on all cores (one renderer, and so one GEOS
/// context, per worker), gzip-compressed as MBTiles stores them.
public struct TileSetBuilder: Sendable {
    public let sources: TileSources
    public let layers: [TileLayer]

    public init(sources: TileSources, layers: [TileLayer] = TileLayer.tileSetLayers) {
        self.sources = sources
        self.layers = layers
    }

    /// The tiles covering `area` at `zooms`, in order, and each non-empty tile's compressed bytes
    /// handed to `store` (on the calling thread, in tile order within a zoom).
    public func build(covering area: BoundingBox, zooms: ClosedRange<Int>,
                      store: (TileID, [UInt8]) throws -> Void) throws -> Int {
        var written = 0
        for zoom in zooms {
            let tiles = Array(try TileRange(covering: area, zoom: zoom))
            let rendered = try Parallel.map(tiles, worker: { TileRenderer(sources: sources, layers: layers) }) { renderer, id -> [UInt8]? in
                let tile = try renderer.tile(at: id)
                return tile.layers.isEmpty ? nil : try Gzip.compress(tile.encoded())
            }
            for (tile, bytes) in zip(tiles, rendered) {
                guard let bytes else { continue }
                try store(tile, bytes)
                written += 1
            }
        }
        return written
    }
}
