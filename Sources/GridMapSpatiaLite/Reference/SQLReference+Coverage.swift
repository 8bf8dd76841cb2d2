import GRDB
import GridMapCore
import GridMapGeometry

extension SQLReference {
    /// A day's covered area (m²) of the first `maxGrids` current grids (by code) computed by
    /// SpatiaLite SQL alone, the independent reference for ``DailyCoverage``: grids and the day's
    /// stored segments transformed to `zone` (ST_Transform), segments buffered by `radius`
    /// (ST_Buffer, arcs of 32 segments a quarter circle: close to the true circles GridMap's
    /// distance field traces), and per grid the union of the
    /// buffers meeting its box intersected with it (ST_Union, ST_Intersection, ST_Area). Only
    /// segments that come near those grids are buffered.
    public func coverageAreas(day: PatrolDay, radius: Double, zone: GaussKrugerZone, maxGrids: Int = .max) throws -> [String: Double] {
        try store.pool.write { db in
            try db.execute(sql: "SELECT InsertEpsgSrid(?)", arguments: [zone.epsg])
            try db.execute(sql: "SELECT BufferOptions_SetQuadrantSegments(32)")
            defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.sql_grids; DROP TABLE IF EXISTS temp.sql_buffers") }
            try db.execute(sql: """
                CREATE TEMP TABLE sql_grids AS
                    SELECT code, ST_Transform(geometry, :epsg) AS g FROM grid_boundaries WHERE valid_to IS NULL ORDER BY code LIMIT :limit;
                CREATE TEMP TABLE sql_buffers AS
                    SELECT ST_Buffer(t, :radius) AS b FROM (SELECT ST_Transform(geometry, :epsg) AS t FROM patrol_segments WHERE day = :day)
                    WHERE EXISTS (SELECT 1 FROM sql_grids WHERE MbrIntersects(g, ST_Expand(t, :radius)));
                """, arguments: ["epsg": zone.epsg, "limit": min(maxGrids, Int(Int32.max)), "radius": radius, "day": day.number])
            return try Row.fetchAll(db, sql: """
                SELECT grid.code, ST_Area(ST_Intersection(grid.g, ST_Union(buffer.b)))
                FROM sql_grids grid JOIN sql_buffers buffer ON MbrIntersects(grid.g, buffer.b)
                GROUP BY grid.code
                """).reduce(into: [:]) { $0[$1[0] as String] = ($1[1] as Double?) ?? 0 }
        }
    }
}
