/// The offices' tasks on events (联勤联动, ``EventTask``): one row per task with its loop's
/// times; at most one open task per office and event. Every task's move also appends to
/// `event_history`, naming the task in `task_id`.
enum TaskSchema {
    static let sql = """
        CREATE TABLE event_tasks (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            office TEXT NOT NULL, lead INTEGER NOT NULL CHECK (lead IN (0, 1)),
            note TEXT, deadline_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('assigned', 'accepted', 'done', 'rejected', 'cancelled')),
            assigned_at TEXT NOT NULL, assigned_by TEXT NOT NULL,
            accepted_at TEXT, closed_at TEXT, reason TEXT);
        CREATE INDEX event_tasks_event ON event_tasks(event_id);
        CREATE INDEX event_tasks_assigned ON event_tasks(assigned_at);
        CREATE UNIQUE INDEX event_tasks_open_office ON event_tasks(event_id, office)
            WHERE status IN ('assigned', 'accepted');
        ALTER TABLE event_history ADD COLUMN task_id INTEGER REFERENCES event_tasks(id);
        """
}
