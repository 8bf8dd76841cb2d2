/// Tables for planners' boundary edits and for access control.
///
/// A committed edit is one `boundary_changes` row (author, reason, the operation as JSON, where it
/// came from); the boundary versions it opened point at it with `change_id` (NULL for versions
/// written by dataset imports). Each village and grid version records its parent (`parent_code`),
/// so moving a grid to another village is versioned and "as of" answers name the parent of the
/// time. `access_tokens` keeps only the SHA-256 of each bearer token. `audit_log` is append-only:
/// triggers refuse any UPDATE or DELETE.
enum EditSchema {
    static let sql = """
        CREATE TABLE boundary_changes (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, author TEXT NOT NULL, reason TEXT NOT NULL,
            operation TEXT NOT NULL, origin TEXT NOT NULL);
        ALTER TABLE town_boundaries ADD COLUMN change_id INTEGER REFERENCES boundary_changes(id);
        ALTER TABLE village_boundaries ADD COLUMN change_id INTEGER REFERENCES boundary_changes(id);
        ALTER TABLE grid_boundaries ADD COLUMN change_id INTEGER REFERENCES boundary_changes(id);
        ALTER TABLE village_boundaries ADD COLUMN parent_code TEXT;
        ALTER TABLE grid_boundaries ADD COLUMN parent_code TEXT;
        UPDATE village_boundaries SET parent_code = (SELECT town_code FROM villages v WHERE v.code = village_boundaries.code);
        UPDATE grid_boundaries SET parent_code = (SELECT village_code FROM grids g WHERE g.code = grid_boundaries.code);
        CREATE TABLE access_tokens (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('planner', 'dispatcher', 'gis', 'admin')),
            sha256 TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT,
            action TEXT NOT NULL, target TEXT, status INTEGER, origin TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}');
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """
}
