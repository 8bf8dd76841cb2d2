/// 督办 (``EventSupervision``): each event's stages with their windows (the open one has no
/// `ended_at`), the records issued and answered, the extension requests and their decisions; the
/// highest level reached is `events.supervision_level` (the former 0/1 `supervised` flag, whose 1
/// was the deadline's 催办). A platform model's rules are `taxonomies.supervision` (JSON, NULL:
/// the defaults).
enum SupervisionSchema {
    static let sql = """
        ALTER TABLE events RENAME COLUMN supervised TO supervision_level;
        ALTER TABLE taxonomies ADD COLUMN supervision TEXT;
        CREATE TABLE event_stages (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            stage TEXT NOT NULL CHECK (stage IN ('triage', 'acceptance', 'handling', 'parked')),
            started_at TEXT NOT NULL, warn_at TEXT, due_at TEXT, ended_at TEXT);
        CREATE UNIQUE INDEX event_stages_open ON event_stages(event_id) WHERE ended_at IS NULL;
        CREATE INDEX event_stages_event ON event_stages(event_id);
        CREATE INDEX event_stages_ended ON event_stages(ended_at);
        CREATE TABLE event_supervisions (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            stage_id INTEGER REFERENCES event_stages(id),
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
            office TEXT, note TEXT, issued_at TEXT NOT NULL, issued_by TEXT NOT NULL,
            reply TEXT, replied_at TEXT, replied_by TEXT);
        CREATE INDEX event_supervisions_event ON event_supervisions(event_id);
        CREATE INDEX event_supervisions_issued ON event_supervisions(issued_at);
        CREATE TABLE event_extensions (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            stage_id INTEGER REFERENCES event_stages(id),
            until TEXT NOT NULL, reason TEXT NOT NULL, requested_at TEXT NOT NULL, requested_by TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
            decided_at TEXT, decided_by TEXT, decision_note TEXT);
        CREATE INDEX event_extensions_event ON event_extensions(event_id);
        CREATE INDEX event_extensions_requested ON event_extensions(requested_at);
        CREATE UNIQUE INDEX event_extensions_pending ON event_extensions(event_id) WHERE status = 'pending';
        """
}
