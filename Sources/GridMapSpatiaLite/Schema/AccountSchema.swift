/// People's accounts (`users`: a bcrypt hash, never the password; failures and lock for
/// ``SignInPolicy``) and scopes on tokens and accounts (`scope_level` `town`/`village` and
/// `scope_code`, both NULL: everywhere). `access_tokens` is rebuilt, as its role CHECK listed
/// the first four roles only.
enum AccountSchema {
    static let roles = "'planner', 'dispatcher', 'gis', 'admin', 'leader', 'county'"
    static let scope = """
        scope_level TEXT CHECK (scope_level IN ('town', 'village')),
        scope_code TEXT CHECK ((scope_level IS NULL) = (scope_code IS NULL))
        """

    static let sql = """
        CREATE TABLE access_tokens_v10 (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN (\(roles))),
            \(scope),
            sha256 TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
        INSERT INTO access_tokens_v10 (id, name, role, sha256, created_at, revoked_at)
            SELECT id, name, role, sha256, created_at, revoked_at FROM access_tokens;
        DROP TABLE access_tokens;
        ALTER TABLE access_tokens_v10 RENAME TO access_tokens;
        CREATE TABLE users (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN (\(roles))),
            \(scope),
            password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled_at TEXT,
            failed_signins INTEGER NOT NULL DEFAULT 0, locked_until TEXT);
        """
}
