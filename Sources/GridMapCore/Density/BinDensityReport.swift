import GridMapGeometry

/// The non-empty hexagonal or square bins of the events matching a filter, each with its
/// outline in longitude/latitude; bins are laid out in metres in each event's Gauss-Krüger zone.
public struct BinDensityReport: Sendable {
    public struct Bin: Sendable {
        /// Stable across requests with the same grid: zone, column and row.
        public let id: String
        public let outline: Polygon
        public let count: Int
    }

    /// Most bins one report may hold.
    public static let maxBins = 200_000

    public let filter: EventFilter
    public let grid: BinGrid
    /// One bin's area.
    public let binKm2: Double
    /// Ordered by zone, row and column.
    public let bins: [Bin]

    /// Throws ``DensityError/tooManyBins(_:limit:)`` beyond ``maxBins``.
    public init(_ table: EventFactsTable, filter: EventFilter, grid: BinGrid) throws {
        let counts = table.binCounts(grid, rows: table.rows(matching: filter))
        guard counts.count <= Self.maxBins else { throw DensityError.tooManyBins(counts.count, limit: Self.maxBins) }
        let ordered = counts.sorted { ($0.key.zone, $0.key.r, $0.key.q) < ($1.key.zone, $1.key.r, $1.key.q) }
        bins = try MetricProjectionPool.shared.withProjections { projections in
            try ordered.map { cell, count in
                let projection = try projections.projection(cell.zone)
                return Bin(id: grid.id(of: cell), outline: Polygon(exterior: grid.outline(of: cell).map(projection.inverse)), count: count)
            }
        }
        self.filter = filter
        self.grid = grid
        binKm2 = (grid.shape == .hex ? 3.0.squareRoot() / 2 : 1) * grid.size * grid.size / 1_000_000
    }
}
