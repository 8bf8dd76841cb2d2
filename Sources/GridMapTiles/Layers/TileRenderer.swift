import Foundation
import GridMapCore
import GridMapGeometry

/// What tiles are drawn from at one moment: the served boundaries and their areas, and the
/// events' facts with the filter of the request (period, category, …; its bbox is ignored).
public struct TileSources: Sendable {
    public var snapshot: AdminSnapshot
    public var facts: EventFactsTable
    public var filter: EventFilter
    /// Grid areas in km² by code, for `per_km2`.
    public var gridAreas: [String: Double]
    /// The assessment's score and rank by grid code, for `grid-scores`.
    public var gridScores: [String: (score: Double, rank: Int)]

    public init(snapshot: AdminSnapshot, facts: EventFactsTable, filter: EventFilter, gridAreas: [String: Double],
                gridScores: [String: (score: Double, rank: Int)] = [:]) {
        self.snapshot = snapshot
        self.facts = facts
        self.filter = filter
        self.gridAreas = gridAreas
        self.gridScores = gridScores
    }
}

/// Draws GridMap's layers into vector tiles. Holds a GEOS context: one renderer per task.
public struct TileRenderer {
    public let sources: TileSources
    public let layers: [TileLayer]
    private let context = GEOSContext()
    /// Events per grid key position over the whole filter, counted once for every tile drawn.
    private let gridCounts: [Int]

    public init(sources: TileSources, layers: [TileLayer]) {
        self.sources = sources
        self.layers = layers
        var whole = sources.filter
        whole.bbox = nil
        gridCounts = layers.contains(.densityGrids) ? sources.facts.counts(by: .grid, rows: sources.facts.rows(matching: whole)) : []
    }

    /// One tile with the renderer's layers (empty layers are left out).
    public func tile(at id: TileID) throws -> VectorTile {
        let frame = TileFrame(tile: id)
        var tile = VectorTile()
        for layer in layers {
            let features = try self.features(layer, frame: frame)
            if !features.isEmpty { tile.addLayer(name: layer.rawValue, features: features) }
        }
        return tile
    }

    private func features(_ layer: TileLayer, frame: TileFrame) throws -> [VectorTile.Feature] {
        let bounds = frame.wgs84BufferedBounds
        switch layer {
        case .towns, .villages, .grids:
            return try sources.snapshot.boundaries(AdminLevel(layer: layer)!).compactMap { boundary in
                try polygonFeature(boundary, frame: frame, bounds: bounds,
                                   properties: ["code": .string(boundary.unit.code), "name": .string(boundary.unit.name),
                                                "parent": .string(boundary.unit.parentCode ?? "")])
            }
        case .events:
            let facts = sources.facts
            return rows(in: bounds).compactMap { row in
                let i = Int(row)
                guard let point = frame.points([facts.points[i]]).first else { return nil }
                return VectorTile.Feature(id: UInt64(facts.ids[i]), properties: [
                    "category": .string(facts.key(.category, at: i) ?? ""), "status": .string(facts.status[i].rawValue),
                    "platform": .string(facts.key(.platform, at: i) ?? ""),
                    "reported_at": .string(Timestamp.format(milliseconds: facts.reported[i])),
                ], geometry: .points([point]))
            }
        case .densityGrids:
            return try sources.snapshot.grids.compactMap { boundary in
                let count = sources.facts.position(of: boundary.unit.code, in: .grid).map { gridCounts[Int($0)] } ?? 0
                let area = sources.gridAreas[boundary.unit.code] ?? 0
                return try polygonFeature(boundary, frame: frame, bounds: bounds, properties: [
                    "code": .string(boundary.unit.code), "name": .string(boundary.unit.name), "count": .int(Int64(count)),
                    "per_km2": .double(area > 0 ? (Double(count) / area * 1000).rounded() / 1000 : 0),
                ])
            }
        case .gridScores:
            return try sources.snapshot.grids.compactMap { boundary in
                guard let scored = sources.gridScores[boundary.unit.code] else { return nil }
                return try polygonFeature(boundary, frame: frame, bounds: bounds, properties: [
                    "code": .string(boundary.unit.code), "name": .string(boundary.unit.name), "score": .double(scored.score),
                    "rank": .int(Int64(scored.rank)),
                ])
            }
        case .densityHex:
            let grid = BinGrid(shape: .hex, size: TileLayer.hexSize(zoom: frame.tile.z))
            let binKm2 = 3.0.squareRoot() / 2 * grid.size * grid.size / 1_000_000
            let bins = sources.facts.binCounts(grid, rows: rows(in: bounds)).sorted { $0.key.q == $1.key.q ? $0.key.r < $1.key.r : $0.key.q < $1.key.q }
            let outlines = try MetricProjectionPool.shared.withProjections { projections in
                try bins.map { cell, _ in
                    let projection = try projections.projection(cell.zone)
                    return MultiPolygon([Polygon(exterior: grid.outline(of: cell).map(projection.inverse))])
                }
            }
            return try zip(bins, outlines)
                .compactMap { bin, outline in
                    let (cell, count) = bin
                    let polygons = try frame.polygons(outline, context: context)
                    guard !polygons.isEmpty else { return nil }
                    return VectorTile.Feature(properties: [
                        "id": .string(grid.id(of: cell)), "count": .int(Int64(count)),
                        "per_km2": .double((Double(count) / binKm2 * 1000).rounded() / 1000),
                    ], geometry: .polygons(polygons))
                }
        }
    }

    /// The matching events inside `bounds`.
    private func rows(in bounds: BoundingBox) -> [Int32] {
        var filter = sources.filter
        filter.bbox = bounds
        return sources.facts.rows(matching: filter)
    }

    private func polygonFeature(_ boundary: Boundary, frame: TileFrame, bounds: BoundingBox,
                                properties: [String: TileValue]) throws -> VectorTile.Feature? {
        guard let box = boundary.geometry.boundingBox, box.intersects(bounds) else { return nil }
        let polygons = try frame.polygons(boundary.geometry, context: context)
        guard !polygons.isEmpty else { return nil }
        return VectorTile.Feature(id: UInt64(boundary.unit.code), properties: properties, geometry: .polygons(polygons))
    }
}
