/// MVT geometry encoding (spec 4.3): command integers (MoveTo, LineTo, ClosePath with their
/// counts) followed by zigzag-encoded deltas from the previous cursor position.
struct GeometryCommands {
    /// The MVT `GeomType` values.
    enum GeometryType: UInt64 {
        case point = 1, lineString = 2, polygon = 3
    }

    private enum Command: UInt32 {
        case moveTo = 1, lineTo = 2, closePath = 7
    }

    private(set) var integers: [UInt32] = []
    private var cursor = TilePoint(0, 0)

    /// The type and command integers of `geometry`, or nil when nothing of it can be drawn: no
    /// points, no line with two distinct points, no polygon whose exterior ring has an area.
    static func encode(_ geometry: TileGeometry) -> (type: GeometryType, integers: [UInt32])? {
        var commands = GeometryCommands()
        let type: GeometryType
        switch geometry {
        case .points(let points):
            type = .point
            if !points.isEmpty { commands.moveTo(points) }
        case .lines(let lines):
            type = .lineString
            for line in lines {
                let path = withoutRepeats(line)
                if path.count >= 2 { commands.path(path, closed: false) }
            }
        case .polygons(let polygons):
            type = .polygon
            for polygon in polygons {
                guard let exterior = RingWinding.oriented(withoutRepeats(polygon.exterior), exterior: true)
                else { continue }
                commands.path(exterior, closed: true)
                for hole in polygon.holes {
                    if let ring = RingWinding.oriented(withoutRepeats(hole), exterior: false) {
                        commands.path(ring, closed: true)
                    }
                }
            }
        }
        return commands.integers.isEmpty ? nil : (type, commands.integers)
    }

    /// The points without consecutive repeats (MVT forbids zero-length LineTo) and, for a ring,
    /// without the closing repetition of the first point.
    private static func withoutRepeats(_ points: [TilePoint]) -> [TilePoint] {
        var kept: [TilePoint] = []
        kept.reserveCapacity(points.count)
        for p in points where p != kept.last { kept.append(p) }
        while kept.count > 1, kept.last == kept.first { kept.removeLast() }
        return kept
    }

    private mutating func path(_ points: [TilePoint], closed: Bool) {
        moveTo(points[..<1])
        command(.lineTo, count: points.count - 1)
        for p in points.dropFirst() { parameters(p) }
        if closed { command(.closePath, count: 1) }
    }

    private mutating func moveTo<C: Collection<TilePoint>>(_ points: C) {
        command(.moveTo, count: points.count)
        for p in points { parameters(p) }
    }

    private mutating func command(_ command: Command, count: Int) {
        integers.append(command.rawValue | UInt32(count) << 3)
    }

    private mutating func parameters(_ p: TilePoint) {
        integers.append(Self.parameter(p.x - cursor.x))
        integers.append(Self.parameter(p.y - cursor.y))
        cursor = p
    }

    /// A zigzag-encoded 32-bit parameter.
    private static func parameter(_ delta: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: ProtobufWriter.zigzag(Int64(delta)))
    }
}
