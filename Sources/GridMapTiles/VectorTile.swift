/// A Mapbox Vector Tile (MVT 2.1): named layers of features with properties and geometry in tile
/// coordinates. Build it with ``addLayer(name:extent:features:)`` and write it with ``encoded()``.
public struct VectorTile: Hashable, Sendable {
    /// One feature: an optional id, properties and a geometry in the layer's tile coordinates.
    public struct Feature: Hashable, Sendable {
        public var id: UInt64?
        public var properties: [String: TileValue]
        public var geometry: TileGeometry

        public init(id: UInt64? = nil, properties: [String: TileValue] = [:], geometry: TileGeometry) {
            self.id = id
            self.properties = properties
            self.geometry = geometry
        }
    }

    /// A named layer; `extent` is the number of tile units across the tile.
    public struct Layer: Hashable, Sendable {
        public var name: String
        public var extent: Int
        public var features: [Feature]
    }

    /// The MVT extent used unless a layer says otherwise.
    public static let defaultExtent = 4096

    public private(set) var layers: [Layer] = []

    public init() {}

    /// Appends a layer whose features are in tile coordinates of `extent` units across (made by a
    /// ``TileFrame`` of the same extent). Layer names must be unique within a tile and `extent` in
    /// 1…2³²-1 (both checked with a precondition: they are the program's choice, not its input).
    public mutating func addLayer(name: String, extent: Int = defaultExtent, features: [Feature]) {
        precondition((1...Int(UInt32.max)).contains(extent), "a vector tile layer's extent must be in 1…2³²-1, not \(extent)")
        precondition(!layers.contains { $0.name == name }, "the vector tile already has a layer named \(name)")
        layers.append(Layer(name: name, extent: extent, features: features))
    }
}
