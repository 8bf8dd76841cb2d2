/// Patrol tables. Raw fixes are kept as reported (`patrol_fixes`: position in its `crs`, time in
/// UTC milliseconds); everything else is derived and can be rebuilt from them: each member's
/// cleaned day as segments (`patrol_segments`: the points packed, plus a SpatiaLite LINESTRING —
/// a POINT for a lone fix — in WGS84 for SQL and GIS) and stops, and each grid's day of
/// coverage per buffer radius (`patrol_grid_days`: the covered part as WKB in metres of its
/// Gauss-Krüger zone). Days are Beijing days numbered from 1970-01-01 (``PatrolDay``).
/// `patrol_days.revision` moves whenever a day's tracks change; `patrol_coverage_runs` records
/// which revision a day's coverage was computed from, so only changed days are recomputed.
enum PatrolSchema {
    static let sql = """
        CREATE TABLE patrol_members (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
        CREATE TABLE patrol_batches (
            id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, source TEXT NOT NULL, format TEXT NOT NULL,
            fixes INTEGER NOT NULL, report TEXT NOT NULL);
        CREATE TABLE patrol_fixes (
            batch_id INTEGER NOT NULL REFERENCES patrol_batches(id), member_id INTEGER NOT NULL REFERENCES patrol_members(id),
            t INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL, crs TEXT NOT NULL, accuracy REAL);
        CREATE INDEX patrol_fixes_member_time ON patrol_fixes(member_id, t);
        CREATE TABLE patrol_segments (
            id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES patrol_members(id), day INTEGER NOT NULL,
            start_t INTEGER NOT NULL, end_t INTEGER NOT NULL, fixes INTEGER NOT NULL, points BLOB NOT NULL);
        CREATE INDEX patrol_segments_day ON patrol_segments(day, member_id);
        CREATE TABLE patrol_stops (
            member_id INTEGER NOT NULL REFERENCES patrol_members(id), day INTEGER NOT NULL,
            start_t INTEGER NOT NULL, end_t INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL);
        CREATE INDEX patrol_stops_day ON patrol_stops(day, member_id);
        CREATE TABLE patrol_days (day INTEGER PRIMARY KEY, revision INTEGER NOT NULL);
        CREATE TABLE patrol_coverage_runs (
            day INTEGER NOT NULL, radius REAL NOT NULL, revision INTEGER NOT NULL, computed_at TEXT NOT NULL,
            PRIMARY KEY (day, radius));
        CREATE TABLE patrol_grid_days (
            day INTEGER NOT NULL, radius REAL NOT NULL, grid_code TEXT NOT NULL, epsg INTEGER NOT NULL,
            covered BLOB NOT NULL, covered_m2 REAL NOT NULL, length_m REAL NOT NULL, dwell_s REAL NOT NULL,
            stops INTEGER NOT NULL, visits TEXT NOT NULL, members TEXT NOT NULL, last_visit INTEGER,
            PRIMARY KEY (day, radius, grid_code));
        CREATE INDEX patrol_grid_days_grid ON patrol_grid_days(grid_code, radius, day);
        CREATE TABLE patrol_requirements (unit_code TEXT PRIMARY KEY, frequency TEXT NOT NULL);
        """
}
