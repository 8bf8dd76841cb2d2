import Foundation
import GridMapCore
import GridMapGeometry

/// The inputs `scripts/bench-resolution.sh` feeds GridMap and its peers: random points inside the
/// grids' extent, and mixed points over a box of three times its area (two thirds outside every
/// grid), as point-list bodies, a GeoJSON FeatureCollection, CSV lines.
struct ResolveBenchInputs {
    let extent: BoundingBox
    let count: Int

    /// The extent grown about its centre to three times its area.
    static func countyBox(_ extent: BoundingBox) -> BoundingBox {
        let grow = (3.0.squareRoot() - 1) / 2
        return BoundingBox(minX: extent.minX - grow * extent.width, minY: extent.minY - grow * extent.height,
                           maxX: extent.maxX + grow * extent.width, maxY: extent.maxY + grow * extent.height)
    }

    static func random(_ count: Int, in box: BoundingBox, seed: UInt64) -> [Coordinate] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            Coordinate(box.minX + random.unit() * box.width, box.minY + random.unit() * box.height)
        }
    }

    /// `count` random points of the county box that no grid covers.
    static func outside(_ count: Int, extent: BoundingBox, resolver: Resolver) -> [Coordinate] {
        var points: [Coordinate] = []
        var seed: UInt64 = 20
        while points.count < count {
            points += random(count, in: countyBox(extent), seed: seed).filter { resolver.gridIndex.lookup($0.x, $0.y).first == nil }
            seed += 1
        }
        return Array(points.prefix(count))
    }

    func write(to directory: URL, resolver: Resolver) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let inside = Self.random(count, in: extent, seed: 9)
        let mixed = Self.random(count, in: Self.countyBox(extent), seed: 10)
        try write(pointList(inside), directory, "points.json")
        try write(pointList(mixed), directory, "mixed.json")
        try write(featureCollection(inside), directory, "points.geojson")
        try write(lines(inside), directory, "points.csv")
        try write(lines(Self.outside(100_000, extent: extent, resolver: resolver)), directory, "outside.csv")
        print("wrote points.json, mixed.json, points.geojson, points.csv (\(count) points each) and outside.csv to \(directory.path)")
    }

    private func write(_ text: String, _ directory: URL, _ name: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    private func pointList(_ points: [Coordinate]) -> String {
        "{\"crs\":\"wgs84\",\"points\":[" + points.map { "[\(Self.spelled($0.x)),\(Self.spelled($0.y))]" }.joined(separator: ",") + "]}"
    }

    private func featureCollection(_ points: [Coordinate]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[" + points.enumerated().map { i, p in
            "{\"type\":\"Feature\",\"properties\":{\"id\":\(i)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(Self.spelled(p.x)),\(Self.spelled(p.y))]}}"
        }.joined(separator: ",") + "]}"
    }

    private func lines(_ points: [Coordinate]) -> String {
        points.map { "\(Self.spelled($0.x)),\(Self.spelled($0.y))\n" }.joined()
    }

    /// Seven decimals, as phones and GPS units report them.
    private static func spelled(_ value: Double) -> String { String(format: "%.7f", value) }
}
