/// The outbox's receivers: `hooks`, each with the last outbox id it handled (`cursor`, so a
/// restart resumes where it stopped), and `hook_deliveries`, the deliveries that failed every try.
enum HookSchema {
    static let sql = """
        CREATE TABLE hooks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            url TEXT NOT NULL, secret TEXT NOT NULL, topics TEXT NOT NULL, town TEXT,
            channel TEXT NOT NULL CHECK (channel IN ('webhook', 'wecom', 'sms')), template TEXT,
            cursor INTEGER NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL);
        CREATE TABLE hook_deliveries (
            hook_id INTEGER NOT NULL REFERENCES hooks(id) ON DELETE CASCADE,
            outbox_id INTEGER NOT NULL REFERENCES outbox(id),
            attempts INTEGER NOT NULL, last_error TEXT NOT NULL, failed_at TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('dead', 'resending', 'delivered')),
            PRIMARY KEY (hook_id, outbox_id));
        """
}
