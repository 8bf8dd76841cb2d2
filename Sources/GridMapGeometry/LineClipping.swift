/// Lengths of lines inside polygons, exactly: every edge is cut where it crosses a ring and each
/// piece is kept when its midpoint lies inside (even–odd rule over all rings).
public enum LineClipping {
    /// Total length of `lines` inside `polygon` (planar coordinates).
    public static func length(of lines: [[Coordinate]], inside polygon: MultiPolygon) -> Double {
        guard let box = polygon.boundingBox else { return 0 }
        let edges = polygon.rings.flatMap { ring in zip(ring, ring.dropFirst()).map { ($0, $1) } }
        var total = 0.0
        var cuts: [Double] = []
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) {
                guard max(a.x, b.x) >= box.minX, min(a.x, b.x) <= box.maxX, max(a.y, b.y) >= box.minY, min(a.y, b.y) <= box.maxY
                else { continue }
                cuts.removeAll(keepingCapacity: true)
                cuts.append(0); cuts.append(1)
                let dx = b.x - a.x, dy = b.y - a.y
                for (p, q) in edges {
                    let ex = q.x - p.x, ey = q.y - p.y
                    let denominator = dx * ey - dy * ex
                    guard denominator != 0 else { continue }
                    let t = ((p.x - a.x) * ey - (p.y - a.y) * ex) / denominator
                    let u = ((p.x - a.x) * dy - (p.y - a.y) * dx) / denominator
                    if t > 0, t < 1, u >= 0, u <= 1 { cuts.append(t) }
                }
                cuts.sort()
                let length = (dx * dx + dy * dy).squareRoot()
                for (t0, t1) in zip(cuts, cuts.dropFirst()) where t1 > t0 {
                    let tm = (t0 + t1) / 2
                    if contains(edges, Coordinate(a.x + tm * dx, a.y + tm * dy)) { total += (t1 - t0) * length }
                }
            }
        }
        return total
    }

    /// Even–odd point in polygon over all ring edges.
    private static func contains(_ edges: [(Coordinate, Coordinate)], _ point: Coordinate) -> Bool {
        var inside = false
        for (p, q) in edges where (p.y > point.y) != (q.y > point.y) {
            let x = p.x + (point.y - p.y) / (q.y - p.y) * (q.x - p.x)
            if x > point.x { inside.toggle() }
        }
        return inside
    }
}
