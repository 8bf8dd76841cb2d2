import Foundation
import GridMapCore

/// The layers GridMap serves as vector tiles.
public enum TileLayer: String, CaseIterable, Sendable {
    case towns, villages, grids, events
    /// Grid polygons with the number and density of events in the period.
    case densityGrids = "density-grids"
    /// Hexagon bins of events, sized by zoom (see ``hexSize(zoom:)``).
    case densityHex = "density-hex"
    /// Grid polygons with their 考核 score and rank for a period (a choropleth of the assessment).
    case gridScores = "grid-scores"

    /// The layers a tile set (MBTiles) holds: grid scores depend on a period and a town's scheme
    /// and are served live only.
    public static var tileSetLayers: [TileLayer] { allCases.filter { $0 != .gridScores } }

    /// The attributes of the layer's features and their types, for TileJSON's `vector_layers`.
    public var fields: [(name: String, type: String)] {
        switch self {
        case .towns, .villages, .grids: [("code", "String"), ("name", "String"), ("parent", "String")]
        case .events: [("category", "String"), ("status", "String"), ("platform", "String"), ("reported_at", "String")]
        case .densityGrids: [("code", "String"), ("name", "String"), ("count", "Number"), ("per_km2", "Number")]
        case .densityHex: [("id", "String"), ("count", "Number"), ("per_km2", "Number")]
        case .gridScores: [("code", "String"), ("name", "String"), ("score", "Number"), ("rank", "Number")]
        }
    }

    /// Whether the layer changes with events (and so with the period and filters of a request).
    public var followsEvents: Bool {
        switch self {
        case .towns, .villages, .grids: false
        case .events, .densityGrids, .densityHex, .gridScores: true
        }
    }

    /// Width in metres of density hexagons at a zoom: about 1/32 of the tile's width, from a fixed
    /// ladder (50 m … 12.8 km) so that bins keep their ids between requests at one zoom.
    public static func hexSize(zoom: Int) -> Double {
        let tileWidth = 40_075_016.7 / Double(1 << zoom) * 0.88  // cos 28°: Zhejiang's latitude
        let ladder = (0...8).map { 50.0 * Double(1 << $0) }
        return ladder.min { abs(log2($0 / (tileWidth / 32))) < abs(log2($1 / (tileWidth / 32))) }!
    }
}

extension AdminLevel {
    init?(layer: TileLayer) {
        switch layer {
        case .towns: self = .town
        case .villages: self = .village
        case .grids: self = .grid
        default: return nil
        }
    }
}
