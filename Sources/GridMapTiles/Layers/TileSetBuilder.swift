import Dispatch
import GridMapCore
import GridMapGeometry
import Synchronization

/// Renders every tile of a zoom range over an area on all cores (one renderer, and so one GEOS
/// context, per worker), gzip-compressed as MBTiles stores them.
public struct TileSetBuilder: Sendable {
    public let sources: TileSources
    public let layers: [TileLayer]

    public init(sources: TileSources, layers: [TileLayer] = TileLayer.allCases) {
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
            let rendered = Mutex([[UInt8]?](repeating: nil, count: tiles.count))
            let failure = Mutex<(any Error)?>(nil)
            let workers = System.coreCount
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let renderer = TileRenderer(sources: sources, layers: layers)
                for i in stride(from: worker, to: tiles.count, by: workers) {
                    do {
                        let tile = try renderer.tile(at: tiles[i])
                        guard !tile.layers.isEmpty else { continue }
                        let bytes = try Gzip.compress(tile.encoded())
                        rendered.withLock { $0[i] = bytes }
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                    }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
            for (tile, bytes) in zip(tiles, rendered.withLock { $0 }) {
                guard let bytes else { continue }
                try store(tile, bytes)
                written += 1
            }
        }
        return written
    }
}
