import GRDB
import GridMapCore
import GridMapGeometry

/// The density aggregations done by SpatiaLite SQL instead of the in-memory facts table: the
/// independent reference (and the benchmark's comparison) for ``EventFactsTable``.
extension SQLReference {
    /// Events reported in [from, to) (stored ISO 8601) per grid code.
    public func gridCounts(from: String, to: String) throws -> [String: Int] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT grid_code, count(*) FROM events WHERE reported_at >= ? AND reported_at < ? AND grid_code IS NOT NULL
                GROUP BY grid_code
                """, arguments: [from, to]).reduce(into: [:]) { $0[$1[0] as String] = $1[1] as Int }
        }
    }

    /// Events reported in [from, to) with ids up to `maxID` per hexagon of `grid` in `zone`:
    /// points transformed by SpatiaLite (`ST_Transform`, PROJ), axial coordinates and cube
    /// rounding in SQL. SpatiaLite 5.0 sets PROJ up anew for every transformed point (~2 ms),
    /// hence the id limit for samples.
    public func hexCounts(_ grid: BinGrid, zone: GaussKrugerZone, from: String, to: String,
                               maxID: Int64 = .max) throws -> [BinCell: Int] {
        precondition(grid.shape == .hex)
        let radius = grid.size / 3.0.squareRoot()
        return try store.pool.write { db in
            try db.execute(sql: "SELECT InsertEpsgSrid(?)", arguments: [zone.epsg])
            return try Row.fetchAll(db, sql: """
                WITH projected AS (
                    SELECT ST_Transform(MakePoint(lon, lat, 4326), :epsg) AS p FROM events
                    WHERE reported_at >= :from AND reported_at < :to AND id <= :maxID),
                fractional AS (
                    SELECT (:k * X(p) - Y(p) / 3) / :radius AS fq, (2.0 / 3 * Y(p)) / :radius AS fr FROM projected),
                rounded AS (
                    SELECT fq, fr, round(fq) AS rq, round(fr) AS rr, round(-fq - fr) AS rs FROM fractional),
                axial AS (
                    SELECT CASE WHEN abs(rq - fq) > abs(rr - fr) AND abs(rq - fq) > abs(rs + fq + fr) THEN -rr - rs ELSE rq END AS q,
                           CASE WHEN abs(rq - fq) > abs(rr - fr) AND abs(rq - fq) > abs(rs + fq + fr) THEN rr
                                WHEN abs(rr - fr) > abs(rs + fq + fr) THEN -rq - rs ELSE rr END AS r
                    FROM rounded)
                SELECT CAST(q AS INTEGER), CAST(r AS INTEGER), count(*) FROM axial GROUP BY 1, 2
                """, arguments: ["epsg": zone.epsg, "from": from, "to": to, "maxID": maxID, "k": 3.0.squareRoot() / 3, "radius": radius])
                .reduce(into: [:]) { $0[BinCell(zone: zone, q: Int32($1[0] as Int), r: Int32($1[1] as Int))] = $1[2] as Int }
        }
    }
}
