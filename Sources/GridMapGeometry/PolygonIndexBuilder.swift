/// Builds the flat arrays of a ``PolygonIndex``; see that type for the layout and the invariants.
struct PolygonIndexBuilder {
    var extent: BoundingBox?
    var columns = 1, rows = 1
    var originX = 0.0, originY = 0.0, scaleX = 1.0, scaleY = 1.0
    var vertices: [Double] = []
    var ringStarts: [UInt32] = []
    var polygonRings: [UInt32] = [0]
    var cells: [UInt32] = []
    var entryStarts: [UInt32] = [0]
    var entries: [PolygonIndex.Entry] = []
    var rowEdges: [UInt32] = []

    private var polygonBoxes: [BoundingBox?] = []
    /// Cell entries collected before they are grouped per cell.
    private var pending: [(cell: Int, entry: PolygonIndex.Entry)] = []
    private var hasBoundary: [Bool] = []

    init(_ polygons: [MultiPolygon], cellsPerVertex: Double) {
        flatten(polygons)
        guard let extent else { return }
        layOutGrid(extent, vertexCount: vertices.count / 2, cellsPerVertex: cellsPerVertex)
        cells = Array(repeating: 0, count: rows * columns)
        hasBoundary = Array(repeating: false, count: rows * columns)
        for polygon in polygons.indices { addPolygon(polygon) }
        groupPendingEntries()
    }

    private mutating func flatten(_ polygons: [MultiPolygon]) {
        for polygon in polygons {
            for ring in polygon.rings where ring.count >= 2 {
                ringStarts.append(UInt32(vertices.count / 2))
                for c in ring { vertices.append(c.x); vertices.append(c.y) }
            }
            polygonRings.append(UInt32(ringStarts.count))
            let box = polygon.boundingBox
            polygonBoxes.append(box)
            if let box { extent = extent?.union(box) ?? box }
        }
        ringStarts.append(UInt32(vertices.count / 2))
    }

    private mutating func layOutGrid(_ extent: BoundingBox, vertexCount: Int, cellsPerVertex: Double) {
        let width = Swift.max(extent.width, 1e-9), height = Swift.max(extent.height, 1e-9)
        let target = Swift.min(Swift.max(Double(vertexCount) * cellsPerVertex, 1), 64_000_000)
        let side = (width * height / target).squareRoot()
        columns = Swift.max(1, Int((width / side).rounded(.up)))
        rows = Swift.max(1, Int((height / side).rounded(.up)))
        originX = extent.minX; originY = extent.minY
        scaleX = Double(columns) / width; scaleY = Double(rows) / height
    }

    private func column(_ x: Double) -> Int {
        PolygonIndex.cellIndex(x, origin: originX, scale: scaleX, count: columns)
    }

    private func row(_ y: Double) -> Int {
        PolygonIndex.cellIndex(y, origin: originY, scale: scaleY, count: rows)
    }

    /// Records one polygon's boundary cells (with their edge lists) and interior cells.
    private mutating func addPolygon(_ polygon: Int) {
        guard let box = polygonBoxes[polygon] else { return }
        let rowRange = row(box.minY)...row(box.maxY)
        let colRange = column(box.minX)...column(box.maxX)
        // Per row of the polygon: (edge, right-most column) of every edge whose rows include it.
        var buckets = Array(repeating: [(edge: UInt32, maxColumn: Int)](), count: rowRange.count)
        var boundary = Set<Int>()
        for edge in edges(of: polygon) {
            let v = Int(edge) * 2
            let x1 = vertices[v], y1 = vertices[v + 1], x2 = vertices[v + 2], y2 = vertices[v + 3]
            let cols = column(Swift.min(x1, x2))...column(Swift.max(x1, x2))
            for r in row(Swift.min(y1, y2))...row(Swift.max(y1, y2)) {
                buckets[r - rowRange.lowerBound].append((edge, cols.upperBound))
                for c in cols { boundary.insert(r * columns + c) }
            }
        }
        for (offset, var bucket) in buckets.enumerated() {
            let r = rowRange.lowerBound + offset
            bucket.sort { $0.maxColumn > $1.maxColumn }
            let start = UInt32(rowEdges.count)
            rowEdges.append(contentsOf: bucket.map(\.edge))
            let crossings = crossingsOfRowCentre(r, bucket: bucket)
            var crossingCursor = 0
            for c in colRange {
                let cell = r * columns + c
                if boundary.contains(cell) {
                    let reaching = bucket.prefix { $0.maxColumn >= c }.count
                    add(cell, .init(polygon: UInt32(polygon), edgeStart: start, edgeCount: UInt32(reaching)))
                    continue
                }
                let centreX = originX + (Double(c) + 0.5) / scaleX
                while crossingCursor < crossings.count && crossings[crossingCursor] < centreX { crossingCursor += 1 }
                if crossingCursor & 1 == 1 { addInterior(cell, polygon) }
            }
        }
    }

    /// X of every crossing of the polygon's edges with the horizontal line through the row's centre,
    /// sorted. Only used for cells no edge touches, far from every crossing, so rounding is harmless.
    private func crossingsOfRowCentre(_ r: Int, bucket: [(edge: UInt32, maxColumn: Int)]) -> [Double] {
        let y = originY + (Double(r) + 0.5) / scaleY
        var xs: [Double] = []
        for (edge, _) in bucket {
            let v = Int(edge) * 2
            let x1 = vertices[v], y1 = vertices[v + 1], x2 = vertices[v + 2], y2 = vertices[v + 3]
            if (y1 > y) != (y2 > y) { xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1)) }
        }
        return xs.sorted()
    }

    private func edges(of polygon: Int) -> [UInt32] {
        var result: [UInt32] = []
        for ring in Int(polygonRings[polygon])..<Int(polygonRings[polygon + 1]) {
            let start = ringStarts[ring], end = ringStarts[ring + 1]
            if end > start + 1 { result.append(contentsOf: start..<(end - 1)) }
        }
        return result
    }

    private mutating func add(_ cell: Int, _ entry: PolygonIndex.Entry) {
        hasBoundary[cell] = true
        pending.append((cell, entry))
    }

    private mutating func addInterior(_ cell: Int, _ polygon: Int) {
        let entry = PolygonIndex.Entry(polygon: UInt32(polygon), edgeStart: 0, edgeCount: .max)
        pending.append((cell, entry))
    }

    /// Cells with a single interior entry become direct words; all others get an entry list.
    private mutating func groupPendingEntries() {
        pending.sort { ($0.cell, $0.entry.polygon) < ($1.cell, $1.entry.polygon) }
        var i = 0
        while i < pending.count {
            let cell = pending[i].cell
            var j = i
            while j < pending.count && pending[j].cell == cell { j += 1 }
            if j - i == 1 && !hasBoundary[cell] {
                cells[cell] = PolygonIndex.interiorFlag | pending[i].entry.polygon
            } else {
                entries.append(contentsOf: pending[i..<j].map(\.entry))
                entryStarts.append(UInt32(entries.count))
                cells[cell] = UInt32(entryStarts.count - 1)
            }
            i = j
        }
        pending = []
    }
}
