import GridMapGeometry

extension TileFrame {
    /// The tile and its buffer as a longitude/latitude box: what may draw on the tile.
    public var wgs84BufferedBounds: BoundingBox {
        let bounds = tile.mercatorBounds, unit = bounds.width / Double(extent), margin = Double(buffer) * unit
        let southWest = WebMercator.unproject(Coordinate(bounds.minX - margin, bounds.minY - margin))
        let northEast = WebMercator.unproject(Coordinate(bounds.maxX + margin, bounds.maxY + margin))
        return BoundingBox(minX: southWest.x, minY: southWest.y, maxX: northEast.x, maxY: northEast.y)
    }
}
