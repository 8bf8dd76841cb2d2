import GridMapGeometry

/// A density surface on square cells in a metric plane (e.g. CGCS2000 Gauss-Krüger metres).
///
/// Cell (column, row) covers `origin + (column, row)·cellSize` to `origin + (column + 1, row + 1)·cellSize`;
/// its value is the density at its centre. Row 0 is the southernmost row; `values` is row-major.
public struct DensityRaster: Sendable, Equatable {
    /// The south-west corner of cell (0, 0), in metres.
    public var origin: Coordinate
    /// The side of a cell, in metres.
    public var cellSize: Double
    public var columns: Int
    public var rows: Int
    /// Events (or weight) per km², `values[row * columns + column]`.
    public var values: [Double]

    public init(origin: Coordinate, cellSize: Double, columns: Int, rows: Int, values: [Double]) {
        precondition(values.count == columns * rows, "values must hold columns × rows cells")
        self.origin = origin
        self.cellSize = cellSize
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    public subscript(column: Int, row: Int) -> Double { values[row * columns + column] }

    /// The centre of a cell, in metres.
    public func centre(column: Int, row: Int) -> Coordinate {
        Coordinate(origin.x + (Double(column) + 0.5) * cellSize, origin.y + (Double(row) + 0.5) * cellSize)
    }

    /// The largest value (0 for an empty raster).
    public var maximum: Double { values.max() ?? 0 }

    /// The total the raster holds: the sum of values × cell area in km² (the event count, or weight).
    public var integral: Double {
        let cellAreaKm2 = cellSize * cellSize / 1_000_000
        return values.reduce(0, +) * cellAreaKm2
    }
}
