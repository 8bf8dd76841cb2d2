import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// The tag of a unit's current boundary version (its ETag), nil when it has none.
    public func versionTag(_ level: AdminLevel, _ code: String) throws -> String? {
        try pool.read { db in try Self.versionTag(level, code, db) }
    }

    static func versionTag(_ level: AdminLevel, _ code: String, _ db: Database) throws -> String? {
        try Int64.fetchOne(db, sql: "SELECT id FROM \(level.boundaryTable) WHERE code = ? AND valid_to IS NULL", arguments: [code])
            .map(tag)
    }

    static func tag(_ versionID: Int64) -> String { "v\(versionID)" }

    public func readEdit<T>(_ body: (any BoundaryEditTransaction) throws -> T) throws -> T {
        try pool.read { db in try body(EditTransaction(db: db)) }
    }

    public func writeEdit<T>(_ body: (any BoundaryEditTransaction) throws -> T) throws -> T {
        try write { db in try body(EditTransaction(db: db)) }
    }
}

/// A boundary edit's reads and writes on one SpatiaLite connection, inside the caller's transaction.
struct EditTransaction: BoundaryEditTransaction {
    let db: Database

    func versionTag(_ level: AdminLevel, _ code: String) throws -> String? {
        try SpatiaLiteStore.versionTag(level, code, db)
    }

    func layout(for edit: BoundaryEdit) throws -> TownLayout {
        try SpatiaLiteStore.townLayout(for: edit, db)
    }

    func consequences(of plan: EditPlan) throws -> EditConsequences {
        try SpatiaLiteStore.consequences(of: plan, db)
    }

    func persist(_ preview: EditPreview, by author: EditAuthor) throws -> EditCommit {
        try EditWriter(db, preview: preview, author: author).write()
    }
}
