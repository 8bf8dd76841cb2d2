/// County linkage and the outbox: each event's origin (`local`, `county`), the county's deadline,
/// the digest of a county assignment's body (``EventSourceKey/delivery(_:)``), and `outbox`, one
/// row per change in an event's history (``OutboxEntry``), AUTOINCREMENT so an id is never reused
/// and a reader's cursor never skips a row.
enum CountySchema {
    static let sql = """
        ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'county'));
        ALTER TABLE events ADD COLUMN upstream_deadline TEXT;
        ALTER TABLE events ADD COLUMN intake_key BLOB;
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL, event_id INTEGER NOT NULL REFERENCES events(id), seq INTEGER NOT NULL, at TEXT NOT NULL);
        """
}
