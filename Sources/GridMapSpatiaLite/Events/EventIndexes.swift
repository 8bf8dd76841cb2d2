import GRDB

/// The secondary indexes of `events`. A bulk import that at least doubles the table drops and
/// rebuilds them: building an index from all rows at once (a sort) is several times cheaper than
/// growing it one random insert at a time.
enum EventIndexes {
    struct Index {
        var name: String
        var createSQL: String
    }

    static let reported = Index(name: "events_reported", createSQL: "CREATE INDEX events_reported ON events(reported_at)")
    static let town = Index(name: "events_town", createSQL: "CREATE INDEX events_town ON events(town_code, reported_at)")
    static let status = Index(name: "events_status", createSQL: "CREATE INDEX events_status ON events(status)")
    /// Points by latitude band (0.01°, about 1.1 km) then longitude: a bounding box is one index
    /// range per band. Cheaper to maintain than an R*Tree, and exact for points.
    static let place = Index(name: "events_place",
                             createSQL: "CREATE INDEX events_place ON events(\(bandSQL("lat")), lon)")
    /// What makes imports idempotent (``EventSourceKey``).
    static let sourceKey = Index(name: "events_source_key", createSQL: "CREATE UNIQUE INDEX events_source_key ON events(source_key)")
    static let all = [reported, town, status, place, sourceKey]

    /// The band expression over a latitude column; queries must use it verbatim to use the index.
    static func bandSQL(_ column: String) -> String { "CAST(\(column) * 100 AS INTEGER)" }

    /// The band of a latitude, as SQLite computes ``bandSQL(_:)`` (both truncate toward zero).
    static func band(_ lat: Double) -> Int { Int(lat * 100) }

    static func drop(_ db: Database) throws {
        for index in all { try db.execute(sql: "DROP INDEX \(index.name)") }
    }

    static func create(_ db: Database) throws {
        for index in all { try db.execute(sql: index.createSQL) }
    }
}
