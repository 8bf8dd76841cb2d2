import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

/// The SpatiaLite store of record: one database file in WAL mode, created and migrated on open.
/// It implements every repository of ``GridMapRepository``, one extension file per concern.
public final class SpatiaLiteStore: GridMapRepository {
    let pool: DatabasePool
    public let path: String
    /// Opened read-only: reads are served, every write fails (``isReadOnlyError(_:)``).
    public let isReadOnly: Bool
    /// The events' routing and people snapshots, decoded once.
    let snapshots = SnapshotCache()

    /// Opens (creating and migrating if needed) the database at `path`; read-only when `readOnly`
    /// or when the file exists and is not writable (`access(W_OK)`), and then its schema must be
    /// current, since it cannot be migrated.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        isReadOnly = readOnly || (FileManager.default.fileExists(atPath: path) && access(path, W_OK) != 0)
        pool = try DatabasePool(path: path, configuration: SpatiaLiteConnection.configuration(readonly: isReadOnly))
        let migrator = Schema.migrator()
        if isReadOnly {
            let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
            if let missing = migrator.migrations.first(where: { !applied.contains($0) }) {
                throw ReadOnlyDatabaseError(path: path, missingMigration: missing)
            }
        } else {
            try migrator.migrate(pool)
        }
    }

    public var location: String { path }

    /// Runs `body` in a write transaction; a write refused because the file is read-only throws
    /// ``ReadOnlyStoreError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw ReadOnlyStoreError()
        }
    }

    /// A counter bumped by every change of boundaries; cheap to poll.
    public func boundaryRevision() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'boundary_revision'") ?? 0 }
    }

    /// The boundaries of every level and the towns' platform models valid at `instant` (nil =
    /// current), the people, and the revision they were read at.
    public func snapshot(asOf instant: Instant?) throws -> AdminSnapshot {
        try pool.read { db in
            let revision = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'boundary_revision'") ?? 0
            var layers: [AdminLevel: [Boundary]] = [:]
            for level in AdminLevel.allCases { layers[level] = try Self.boundaries(level, asOf: instant, db) }
            let people = try Self.people(db)
            let taxonomies = Dictionary(try Self.taxonomies(asOf: instant, db).map { ($0.townCode, $0.taxonomy) },
                                        uniquingKeysWith: { first, _ in first })
            return AdminSnapshot(towns: layers[.town]!, villages: layers[.village]!, grids: layers[.grid]!,
                                 people: people, taxonomies: taxonomies, revision: revision)
        }
    }

    /// Everyone attached to a grid or village.
    static func people(_ db: Database) throws -> [Person] {
        try Row.fetchAll(db, sql: "SELECT role, name, phone, grid_code, village_code, post, absent FROM people ORDER BY id")
            .compactMap { row -> Person? in
                guard let role = PersonRole(rawValue: row["role"]) else { return nil }
                return Person(role: role, name: row["name"], phone: row["phone"], unitCode: row["grid_code"] ?? row["village_code"],
                              post: Post(rawValue: row["post"]) ?? .a, absent: row["absent"])
            }
    }

    /// Current boundaries of one level, ordered by code.
    public func currentBoundaries(_ level: AdminLevel) throws -> [Boundary] {
        try pool.read { db in try Self.boundaries(level, asOf: nil, db) }
    }

    /// Boundaries of one level valid at `instant` (nil = current), ordered by code; `condition`
    /// (over `u`, the units, and `b`, the versions) narrows them.
    static func boundaries(_ level: AdminLevel, asOf instant: Instant?, _ db: Database,
                           where condition: String = "1", _ arguments: StatementArguments = []) throws -> [Boundary] {
        let parent = level.parent == nil ? "NULL" : "b.parent_code"
        return try Row.fetchAll(db, sql: """
            SELECT u.code, u.name, \(parent) AS parent, AsBinary(b.geometry) AS wkb
            FROM \(level.table) u JOIN \(level.boundaryTable) b ON b.code = u.code AND \(Validity.sql("b", instant))
            WHERE \(condition)
            ORDER BY u.code
            """, arguments: arguments + Validity.arguments(instant)).map { row in
            Boundary(unit: AdminUnit(level: level, code: row["code"], name: row["name"], parentCode: row["parent"]),
                     geometry: try WKB.decode(row["wkb"]))
        }
    }
}

/// SQL for "the version valid at an instant" over tables with `valid_from`/`valid_to`.
enum Validity {
    /// The condition on table alias `alias`: current when `instant` is nil.
    static func sql(_ alias: String, _ instant: Instant?) -> String {
        instant == nil ? "\(alias).valid_to IS NULL"
            : "\(alias).valid_from <= :instant AND (\(alias).valid_to IS NULL OR \(alias).valid_to > :instant)"
    }

    static func arguments(_ instant: Instant?) -> StatementArguments {
        instant.map { ["instant": $0] } ?? StatementArguments()
    }
}

extension SpatiaLiteStore {
    public func changeInstants() throws -> [Instant] {
        let tables = AdminLevel.allCases.map(\.boundaryTable) + ["taxonomies"]
        let sql = tables.map { "SELECT valid_from AS t FROM \($0) UNION SELECT valid_to FROM \($0) WHERE valid_to IS NOT NULL" }
            .joined(separator: " UNION ") + " ORDER BY t"
        return try pool.read { db in try Instant.fetchAll(db, sql: sql) }
    }

    /// Codes of the towns a dataset imported, or nil when no dataset has that name.
    public func townCodes(dataset: String) throws -> [String]? {
        try pool.read { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM datasets WHERE name = ?", arguments: [dataset]) == 1 else { return nil }
            return try String.fetchAll(db, sql: "SELECT code FROM towns WHERE dataset = ? ORDER BY code", arguments: [dataset])
        }
    }
}
