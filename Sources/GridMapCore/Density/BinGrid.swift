import Foundation
import GridMapGeometry

/// The shape of density bins.
public enum BinShape: String, Sendable, CaseIterable {
    case hex, square
}

/// A bin of a ``BinGrid``: axial coordinates (q, r) of a pointy-top hexagon, or column and row of
/// a square, counted from the zone's false origin.
public struct BinCell: Hashable, Sendable {
    public var zone: GaussKrugerZone
    public var q: Int32
    public var r: Int32

    public init(zone: GaussKrugerZone, q: Int32, r: Int32) {
        self.zone = zone
        self.q = q
        self.r = r
    }
}

/// Bins tiling a Gauss-Krüger zone's plane from its false origin, so that the same place falls in
/// the same bin, with the same id, in every request. `size` is the bin's width in metres: a
/// square's side, a hexagon's distance across flats (the spacing of neighbouring centres).
public struct BinGrid: Sendable {
    public let shape: BinShape
    public let size: Double

    public init(shape: BinShape, size: Double) {
        self.shape = shape
        self.size = size
    }

    /// The hexagon's circumradius (centre to corner).
    private var radius: Double { size / 3.0.squareRoot() }

    /// The bin holding a point given in metres of `zone`.
    public func cell(of p: Coordinate, zone: GaussKrugerZone) -> BinCell {
        switch shape {
        case .square:
            return BinCell(zone: zone, q: Int32((p.x / size).rounded(.down)), r: Int32((p.y / size).rounded(.down)))
        case .hex:
            // Fractional axial coordinates, then cube rounding (the nearest centre).
            let q = (3.0.squareRoot() / 3 * p.x - p.y / 3) / radius, r = (2.0 / 3 * p.y) / radius, s = -q - r
            var rq = q.rounded(), rr = r.rounded()
            let rs = s.rounded()
            let dq = abs(rq - q), dr = abs(rr - r), ds = abs(rs - s)
            if dq > dr && dq > ds { rq = -rr - rs } else if dr > ds { rr = -rq - rs }
            return BinCell(zone: zone, q: Int32(rq), r: Int32(rr))
        }
    }

    /// The bin's outline in metres of its zone: a closed counter-clockwise ring.
    public func outline(of cell: BinCell) -> Ring {
        let q = Double(cell.q), r = Double(cell.r)
        switch shape {
        case .square:
            let x = q * size, y = r * size
            return [Coordinate(x, y), Coordinate(x + size, y), Coordinate(x + size, y + size), Coordinate(x, y + size), Coordinate(x, y)]
        case .hex:
            let cx = radius * 3.0.squareRoot() * (q + r / 2), cy = radius * 1.5 * r
            let corners = (0..<6).map { i in
                let angle = Double.pi / 180 * (60 * Double(i) - 30)
                return Coordinate(cx + radius * cos(angle), cy + radius * sin(angle))
            }
            return corners + [corners[0]]
        }
    }

    /// The bin's stable id: shape, size, zone (EPSG code) and coordinates, e.g. `hex-200-4549-1234_-56`.
    public func id(of cell: BinCell) -> String {
        "\(shape.rawValue)-\(Self.sizeText(size))-\(cell.zone.epsg)-\(cell.q)_\(cell.r)"
    }

    private static func sizeText(_ size: Double) -> String {
        size == size.rounded() ? String(Int(size)) : String(size)
    }
}

extension EventFactsTable {
    /// Events among `rows` per non-empty bin of `grid`. Counted in a dense array over each zone's
    /// occupied range of bins (a dictionary only when that range is huge): a million events in a
    /// few tens of milliseconds.
    public func binCounts(_ grid: BinGrid, rows: [Int32]) -> [BinCell: Int] {
        var zoneList: [GaussKrugerZone] = []
        var cells: [(zone: Int, q: Int32, r: Int32)] = []
        cells.reserveCapacity(rows.count)
        for row in rows {
            let cell = grid.cell(of: planar[Int(row)], zone: zones[Int(row)])
            let zone = zoneList.firstIndex(of: cell.zone) ?? { zoneList.append(cell.zone); return zoneList.count - 1 }()
            cells.append((zone, cell.q, cell.r))
        }
        var counts: [BinCell: Int] = [:]
        for (index, zone) in zoneList.enumerated() {
            var minQ = Int32.max, maxQ = Int32.min, minR = Int32.max, maxR = Int32.min
            for cell in cells where cell.zone == index {
                minQ = min(minQ, cell.q); maxQ = max(maxQ, cell.q); minR = min(minR, cell.r); maxR = max(maxR, cell.r)
            }
            let width = Int(maxQ) - Int(minQ) + 1, height = Int(maxR) - Int(minR) + 1
            if width * height > 1 << 24 {
                for cell in cells where cell.zone == index { counts[BinCell(zone: zone, q: cell.q, r: cell.r), default: 0] += 1 }
                continue
            }
            var dense = [Int32](repeating: 0, count: width * height)
            for cell in cells where cell.zone == index { dense[Int(cell.r - minR) * width + Int(cell.q - minQ)] += 1 }
            for (i, count) in dense.enumerated() where count > 0 {
                counts[BinCell(zone: zone, q: minQ + Int32(i % width), r: minR + Int32(i / width))] = Int(count)
            }
        }
        return counts
    }
}
