/// Field numbers of the MVT 2.1 protobuf schema (vector_tile.proto).
private enum Field {
    static let tileLayers = 3
    static let layerName = 1, layerFeatures = 2, layerKeys = 3, layerValues = 4, layerExtent = 5, layerVersion = 15
    static let featureID = 1, featureTags = 2, featureType = 3, featureGeometry = 4
    static let stringValue = 1, doubleValue = 3, intValue = 4, sintValue = 6, boolValue = 7
}

extension VectorTile {
    /// The tile in MVT 2.1 protobuf bytes (uncompressed; see ``Gzip``). Polygon rings are wound
    /// as the spec requires (exteriors positive, holes negative by the shoelace formula, y down);
    /// degenerate rings (no area) and lines (one distinct point) are dropped, and so are the holes
    /// of a dropped exterior, features left with nothing to draw and layers left without features.
    public func encoded() -> [UInt8] {
        var tile = ProtobufWriter()
        for layer in layers {
            let drawn = layer.features.compactMap { feature in
                GeometryCommands.encode(feature.geometry).map { (feature, $0.type, $0.integers) }
            }
            guard !drawn.isEmpty else { continue }
            tile.message(Field.tileLayers) { writer in
                var table = PropertyTable()
                writer.string(Field.layerName, layer.name)
                for (feature, type, geometry) in drawn {
                    let tags = table.tags(for: feature.properties)
                    writer.message(Field.layerFeatures) { f in
                        if let id = feature.id { f.unsigned(Field.featureID, id) }
                        if !tags.isEmpty { f.packed(Field.featureTags, tags) }
                        f.unsigned(Field.featureType, type.rawValue)
                        f.packed(Field.featureGeometry, geometry)
                    }
                }
                for key in table.keys { writer.string(Field.layerKeys, key) }
                for value in table.values { writer.message(Field.layerValues) { Self.write(value, into: &$0) } }
                writer.unsigned(Field.layerExtent, UInt64(layer.extent))
                writer.unsigned(Field.layerVersion, 2)
            }
        }
        return tile.bytes
    }

    private static func write(_ value: TileValue, into writer: inout ProtobufWriter) {
        switch value {
        case .string(let s): writer.string(Field.stringValue, s)
        case .double(let d): writer.double(Field.doubleValue, d)
        case .int(let i) where i >= 0: writer.unsigned(Field.intValue, UInt64(i))
        case .int(let i): writer.signed(Field.sintValue, i)
        case .bool(let b): writer.unsigned(Field.boolValue, b ? 1 : 0)
        }
    }
}
