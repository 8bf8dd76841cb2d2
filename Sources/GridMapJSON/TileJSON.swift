import GridMapGeometry

extension JSONWriter {
    /// A TileJSON 3.0.0 document for one vector layer served at `tiles` (an XYZ template):
    /// its zooms, its fields by name and type, and the bounds and centre of `extent` (6 decimals).
    public mutating func tileJSON(layer: String, tiles: String, zooms: ClosedRange<Int>,
                                  fields: [(name: String, type: String)], extent: BoundingBox?) {
        raw("{\"tilejson\":\"3.0.0\",\"name\":"); string("GridMap \(layer)")
        raw(",\"scheme\":\"xyz\",\"tiles\":["); string(tiles)
        raw("],\"minzoom\":"); number(zooms.lowerBound); raw(",\"maxzoom\":"); number(zooms.upperBound)
        if let extent {
            let degrees = { (value: Double) in (value * 1e6).rounded() / 1e6 }
            raw(",\"bounds\":")
            array([extent.minX, extent.minY, extent.maxX, extent.maxY]) { json, value in json.number(degrees(value)) }
            raw(",\"center\":["); number(degrees((extent.minX + extent.maxX) / 2))
            raw(","); number(degrees((extent.minY + extent.maxY) / 2)); raw(",12]")
        }
        raw(",\"vector_layers\":[{\"id\":"); string(layer); raw(",\"fields\":{")
        for field in fields { key(dynamic: field.name); string(field.type) }
        raw("},\"minzoom\":"); number(zooms.lowerBound); raw(",\"maxzoom\":"); number(zooms.upperBound)
        raw("}]}")
    }
}
