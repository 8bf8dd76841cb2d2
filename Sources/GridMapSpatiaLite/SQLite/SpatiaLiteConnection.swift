import CSpatiaLite
import Foundation
import GRDB

/// Opens SpatiaLite databases through GRDB.
///
/// Why GRDB rather than a hand-written SQLite wrapper: it gives a WAL connection pool (one
/// writer, concurrent readers), versioned migrations, transactions that roll back on any thrown
/// error, and statement caching — all things an import that must be all-or-nothing needs — while
/// still exposing the raw `sqlite3*` so SpatiaLite can be initialised on every connection. GRDB
/// and SpatiaLite link the same system libsqlite3, which is required for that to work.
enum SpatiaLiteConnection {
    /// `spatialite_initialize()` must run once per process, before any connection.
    private static let initialized: Bool = {
        spatialite_initialize()
        return true
    }()

    /// GRDB configuration whose every connection has SpatiaLite loaded.
    static func configuration(readonly: Bool = false) -> Configuration {
        _ = initialized
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            guard let connection = db.sqliteConnection else { return }
            let cache = spatialite_alloc_connection()
            spatialite_init_ex(connection, cache, 0)
            // SQLite 3.40 has no close hook: tie the cache's lifetime to a function whose destroy
            // callback runs when the connection closes.
            sqlite3_create_function_v2(connection, "gridmap_spatialite_cache", 0, SQLITE_UTF8, cache,
                                       { context, _, _ in sqlite3_result_null(context) }, nil, nil,
                                       { cache in spatialite_cleanup_ex(cache) })
        }
        return config
    }
}
