import GRDB
import GridMapCore

/// The versioned schema. Boundaries live in one versions table per level
/// (`town_boundaries`, `village_boundaries`, `grid_boundaries`): each row is one version of a
/// unit's MULTIPOLYGON (SRID 4326) with `valid_from` and `valid_to` (NULL = current), so history
/// and "as of" queries need no data migration. Unit rows (`towns`, `villages`, `grids`) hold the
/// code (the identity), name, parent code, owning dataset and the GeoJSON properties.
/// A town's platform model is versioned the same way: `taxonomies` rows (one current per town)
/// own their `platforms`, `event_categories` and `routing_rules`. Events keep the boundary and
/// taxonomy versions they were routed with, and their routing decision and responsible people as
/// JSON snapshots shared through `event_snapshots`; every change of an event appends to
/// `event_history`; imports are idempotent on `events.source_key` (``EventSourceKey``). The audit
/// log is a hash chain (``AuditChain``).
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: units, versioned boundaries, people, platform taxonomy") { db in
            // Inside a transaction InitSpatialMetadata(1) fails quietly; 0 = use ours.
            try db.execute(sql: "SELECT InitSpatialMetadata(0, 'WGS84')")
            try db.execute(sql: """
                CREATE TABLE datasets (
                    name TEXT PRIMARY KEY, source TEXT NOT NULL, imported_at TEXT NOT NULL);
                CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT INTO meta VALUES ('boundary_revision', 0);
                """)
            for level in AdminLevel.allCases {
                let parent = level.parent.map { ", \($0.rawValue)_code TEXT NOT NULL REFERENCES \($0.table)(code)" } ?? ""
                try db.execute(sql: """
                    CREATE TABLE \(level.table) (
                        code TEXT PRIMARY KEY, name TEXT NOT NULL\(parent),
                        dataset TEXT NOT NULL REFERENCES datasets(name), attributes TEXT NOT NULL DEFAULT '{}');
                    CREATE TABLE \(level.boundaryTable) (
                        id INTEGER PRIMARY KEY, code TEXT NOT NULL REFERENCES \(level.table)(code),
                        valid_from TEXT NOT NULL, valid_to TEXT,
                        CHECK (valid_to IS NULL OR valid_to > valid_from));
                    SELECT AddGeometryColumn('\(level.boundaryTable)', 'geometry', 4326, 'MULTIPOLYGON', 'XY', 1);
                    SELECT CreateSpatialIndex('\(level.boundaryTable)', 'geometry');
                    CREATE UNIQUE INDEX \(level.boundaryTable)_current ON \(level.boundaryTable)(code) WHERE valid_to IS NULL;
                    CREATE INDEX \(level.boundaryTable)_history ON \(level.boundaryTable)(code, valid_from);
                    """)
                if let parent = level.parent {
                    try db.execute(sql: "CREATE INDEX \(level.table)_parent ON \(level.table)(\(parent.rawValue)_code)")
                }
            }
            try db.execute(sql: """
                CREATE TABLE people (
                    id INTEGER PRIMARY KEY,
                    role TEXT NOT NULL CHECK (role IN ('网格员', '村干部', '联村干部')),
                    name TEXT NOT NULL, phone TEXT NOT NULL,
                    grid_code TEXT REFERENCES grids(code), village_code TEXT REFERENCES villages(code),
                    dataset TEXT NOT NULL REFERENCES datasets(name),
                    CHECK ((grid_code IS NULL) <> (village_code IS NULL)));
                CREATE INDEX people_grid ON people(grid_code);
                CREATE INDEX people_village ON people(village_code);
                -- The platform taxonomy (四平台), per town; filled by platforms.json imports.
                CREATE TABLE platforms (
                    town_code TEXT NOT NULL REFERENCES towns(code), code TEXT NOT NULL, name TEXT NOT NULL,
                    lead TEXT, offices TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (town_code, code));
                CREATE TABLE event_categories (
                    town_code TEXT NOT NULL REFERENCES towns(code), code TEXT NOT NULL, name TEXT NOT NULL,
                    parent_code TEXT, platform_code TEXT, deadline_hours INTEGER,
                    PRIMARY KEY (town_code, code));
                """)
        }
        migrator.registerMigration("v2: versioned platform taxonomies with routing rules") { db in
            // v1's placeholder tables were never filled; a taxonomy version now owns its rows.
            try db.execute(sql: """
                DROP TABLE platforms;
                DROP TABLE event_categories;
                CREATE TABLE taxonomies (
                    id INTEGER PRIMARY KEY, town_code TEXT NOT NULL REFERENCES towns(code),
                    model TEXT NOT NULL, name TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT,
                    CHECK (valid_to IS NULL OR valid_to >= valid_from));
                CREATE UNIQUE INDEX taxonomies_current ON taxonomies(town_code) WHERE valid_to IS NULL;
                CREATE TABLE platforms (
                    taxonomy_id INTEGER NOT NULL REFERENCES taxonomies(id), code TEXT NOT NULL,
                    name TEXT NOT NULL, lead TEXT NOT NULL, offices TEXT NOT NULL,
                    PRIMARY KEY (taxonomy_id, code));
                CREATE TABLE event_categories (
                    taxonomy_id INTEGER NOT NULL REFERENCES taxonomies(id), code TEXT NOT NULL,
                    name TEXT NOT NULL, parent_code TEXT, deadline_hours INTEGER,
                    PRIMARY KEY (taxonomy_id, code));
                CREATE TABLE routing_rules (
                    taxonomy_id INTEGER NOT NULL REFERENCES taxonomies(id), position INTEGER NOT NULL,
                    category_code TEXT NOT NULL, platform_code TEXT NOT NULL, office TEXT,
                    assisting TEXT, villages TEXT, grids TEXT, note TEXT,
                    PRIMARY KEY (taxonomy_id, position));
                """)
        }
        migrator.registerMigration("v3: events and their append-only history") { db in
            try db.execute(sql: """
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY,
                    category_code TEXT NOT NULL, description TEXT NOT NULL,
                    input_x REAL NOT NULL, input_y REAL NOT NULL, crs TEXT NOT NULL,
                    reported_at TEXT NOT NULL, source TEXT NOT NULL, reporter TEXT NOT NULL,
                    grid_code TEXT, village_code TEXT, town_code TEXT,
                    grid_boundary_id INTEGER REFERENCES grid_boundaries(id),
                    taxonomy_id INTEGER REFERENCES taxonomies(id),
                    platform_code TEXT NOT NULL, routing TEXT NOT NULL, people TEXT NOT NULL,
                    deadline_at TEXT, status TEXT NOT NULL, supervised INTEGER NOT NULL DEFAULT 0,
                    closed_at TEXT);
                SELECT AddGeometryColumn('events', 'geometry', 4326, 'POINT', 'XY', 1);
                SELECT CreateSpatialIndex('events', 'geometry');
                CREATE INDEX events_reported ON events(reported_at);
                CREATE INDEX events_town ON events(town_code, reported_at);
                CREATE INDEX events_status ON events(status);
                CREATE TABLE event_history (
                    event_id INTEGER NOT NULL REFERENCES events(id), seq INTEGER NOT NULL,
                    at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                    from_status TEXT, to_status TEXT, note TEXT,
                    PRIMARY KEY (event_id, seq));
                """)
        }
        migrator.registerMigration("v4: AB posts, absences, duty roster, duty leader of dispatched events") { db in
            try db.execute(sql: """
                ALTER TABLE people ADD COLUMN post TEXT NOT NULL DEFAULT 'A' CHECK (post IN ('A', 'B'));
                ALTER TABLE people ADD COLUMN absent INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE duty_roster (
                    town_code TEXT NOT NULL REFERENCES towns(code), date TEXT NOT NULL,
                    name TEXT NOT NULL, phone TEXT NOT NULL, dataset TEXT NOT NULL REFERENCES datasets(name),
                    PRIMARY KEY (town_code, date));
                ALTER TABLE events ADD COLUMN duty_leader TEXT;
                """)
        }
        migrator.registerMigration("v5: event points in lon/lat columns with a plain R*Tree") { db in
            // SpatiaLite's geometry column ran SQL in its triggers for every inserted event (spatial
            // index, constraint, timestamps): 190 µs an event. Points need none of it; GIS exports
            // build geometries with MakePoint(lon, lat, 4326).
            try db.execute(sql: """
                ALTER TABLE events ADD COLUMN lon REAL;
                ALTER TABLE events ADD COLUMN lat REAL;
                UPDATE events SET lon = X(geometry), lat = Y(geometry);
                CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
                INSERT INTO events_rtree SELECT id, lon, lon, lat, lat FROM events;
                SELECT DisableSpatialIndex('events', 'geometry');
                DROP TABLE idx_events_geometry;
                DELETE FROM geometry_columns_statistics WHERE f_table_name = 'events';
                DELETE FROM geometry_columns_field_infos WHERE f_table_name = 'events';
                DELETE FROM geometry_columns_time WHERE f_table_name = 'events';
                DELETE FROM geometry_columns_auth WHERE f_table_name = 'events';
                SELECT DiscardGeometryColumn('events', 'geometry');
                ALTER TABLE events DROP COLUMN geometry;
                """)
        }
        migrator.registerMigration("v6: routing and people snapshots stored once; events indexed by place without an R*Tree") { db in
            // Each event kept ~500 bytes of JSON that repeat across thousands of events, and the
            // R*Tree cost 15 µs an insert: snapshots are now shared rows, and a B-tree on
            // (latitude band, lon) answers bounding boxes (see ``EventIndexes``).
            try db.execute(sql: """
                CREATE TABLE event_snapshots (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE);
                INSERT OR IGNORE INTO event_snapshots (json) SELECT routing FROM events UNION SELECT people FROM events;
                ALTER TABLE events ADD COLUMN routing_id INTEGER REFERENCES event_snapshots(id);
                ALTER TABLE events ADD COLUMN people_id INTEGER REFERENCES event_snapshots(id);
                UPDATE events SET routing_id = (SELECT id FROM event_snapshots WHERE json = routing),
                                  people_id = (SELECT id FROM event_snapshots WHERE json = people);
                ALTER TABLE events DROP COLUMN routing;
                ALTER TABLE events DROP COLUMN people;
                DROP TABLE events_rtree;
                """)
            try db.execute(sql: EventIndexes.place.createSQL)
        }
        migrator.registerMigration("v7: patrol fixes, derived tracks and stops, daily coverage of grids") { db in
            try db.execute(sql: PatrolSchema.sql)
            try db.execute(sql: "SELECT AddGeometryColumn('patrol_segments', 'geometry', 4326, 'GEOMETRY', 'XY', 1)")
        }
        migrator.registerMigration("v8: boundary changes with author and reason, parents per version, tokens, audit log") { db in
            try db.execute(sql: EditSchema.sql)
        }
        migrator.registerMigration("v9: audit chain, event source keys") { db in
            try AuditChain.migrate(db)
            try EventSourceKey.migrate(db)
        }
        migrator.registerMigration("v10: people's accounts, scopes of tokens and accounts") { db in
            try db.execute(sql: AccountSchema.sql)
        }
        migrator.registerMigration("v11: offices' tasks on events") { db in
            try db.execute(sql: TaskSchema.sql)
        }
        migrator.registerMigration("v12: evaluations of events") { db in
            try db.execute(sql: EvaluationSchema.sql)
        }
        migrator.registerMigration("v13: consultations on events") { db in
            try db.execute(sql: ConsultationSchema.sql)
        }
        migrator.registerMigration("v14: supervision stages, records and extensions") { db in
            try db.execute(sql: SupervisionSchema.sql)
        }
        migrator.registerMigration("v15: joint enforcement operations") { db in
            try db.execute(sql: OperationSchema.sql)
        }
        migrator.registerMigration("v16: county linkage, the outbox") { db in
            try db.execute(sql: CountySchema.sql)
        }
        migrator.registerMigration("v17: hooks and their dead letters") { db in
            try db.execute(sql: HookSchema.sql)
        }
        migrator.registerMigration("v18: assessment schemes and adjustments") { db in
            try db.execute(sql: AssessmentSchema.sql)
        }
        return migrator
    }
}

extension AdminLevel {
    /// The units table of this level.
    var table: String { "\(rawValue)s" }
    /// The boundary versions table of this level.
    var boundaryTable: String { "\(rawValue)_boundaries" }
}
