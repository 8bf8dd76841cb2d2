/// Joint enforcement operations (联合执法, ``JointOperation``): the operation with its area as
/// WKB (the polygon given, or the union of the grids or villages named), the grids it covers,
/// and the events it followed up.
enum OperationSchema {
    static let sql = """
        CREATE TABLE operations (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL, town_code TEXT, offices TEXT NOT NULL,
            area_kind TEXT NOT NULL CHECK (area_kind IN ('polygon', 'grids', 'villages')), villages TEXT,
            area BLOB NOT NULL, start_at TEXT NOT NULL, end_at TEXT NOT NULL,
            outcome TEXT, notes TEXT, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);
        CREATE INDEX operations_period ON operations(start_at, end_at);
        CREATE TABLE operation_grids (
            operation_id INTEGER NOT NULL REFERENCES operations(id), grid_code TEXT NOT NULL,
            PRIMARY KEY (operation_id, grid_code));
        CREATE INDEX operation_grids_grid ON operation_grids(grid_code);
        CREATE TABLE operation_events (
            operation_id INTEGER NOT NULL REFERENCES operations(id), event_id INTEGER NOT NULL REFERENCES events(id),
            PRIMARY KEY (operation_id, event_id));
        """
}
