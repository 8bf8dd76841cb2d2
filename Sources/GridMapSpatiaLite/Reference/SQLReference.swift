import GRDB
import GridMapCore
import GridMapGeometry

/// SpatiaLite's own answers (SQL over the R*Tree index, GEOS and PROJ inside SpatiaLite) to what
/// GridMap computes in memory: the independent references tests and benchmarks check against.
/// Not part of the production interface: nothing that serves requests uses it.
public struct SQLReference: Sendable {
    let store: SpatiaLiteStore

    public init(_ store: SpatiaLiteStore) { self.store = store }

    /// Codes of the current grids covering a point, by SpatiaLite itself: the R*Tree SpatialIndex
    /// as a filter, then `ST_Covers` (GEOS). The independent reference for the in-memory index.
    public func gridsCovering(_ points: [Coordinate]) throws -> [[String]] {
        try store.pool.read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT code FROM grid_boundaries
                WHERE valid_to IS NULL
                  AND ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'grid_boundaries'
                                AND f_geometry_column = 'geometry' AND search_frame = MakePoint(?1, ?2, 4326))
                  AND ST_Covers(geometry, MakePoint(?1, ?2, 4326)) = 1
                ORDER BY code
                """)
            return try points.map { p in try String.fetchAll(statement, arguments: [p.x, p.y]) }
        }
    }
}
