import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

/// Who commits an edit, why, and on which versions it was based.
public struct EditAuthor: Sendable {
    /// Who (the token's holder, or the command line's user) and from where.
    public var actor: AuditActor
    public var reason: String
    /// `If-Match`: when set, each unit the edit names must still be at one of these versions
    /// (``SpatiaLiteStore/versionTag(_:_:)``), else ``EditRejection/stale``.
    public var expectedTags: Set<String>?

    public init(actor: AuditActor, reason: String, expectedTags: Set<String>? = nil) {
        self.actor = actor
        self.reason = reason
        self.expectedTags = expectedTags
    }
}

/// A planned edit with its consequences and the versions it starts from.
public struct EditPreview: Sendable {
    public var plan: EditPlan
    public var consequences: EditConsequences
    /// The current version tag of each unit before the edit, by code.
    public var tagsBefore: [String: String]
}

/// A committed edit, or one that changed nothing and stored nothing (``changed`` false).
public struct EditCommit: Sendable {
    public var preview: EditPreview
    /// The `boundary_changes` row; nil when the edit changed nothing.
    public var changeID: Int64?
    /// When the new versions took effect; nil when the edit changed nothing.
    public var at: String?
    /// The new version tag of each created or changed unit, by code.
    public var tagsAfter: [String: String]

    /// False for an edit whose plan changes nothing (``EditPlan/changesNothing``).
    public var changed: Bool { changeID != nil }
}

/// Why an edit was not committed.
public enum EditRejection: Error, Sendable {
    /// The plan has problems (nothing stored).
    case invalid(EditPreview)
    /// A named unit changed since the version the editor saw.
    case stale(level: AdminLevel, code: String, current: String)
    case missingReason
}

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

    /// Plans an edit on the current boundaries without storing anything.
    public func previewEdit(_ edit: BoundaryEdit, planner: EditPlanner = EditPlanner()) throws -> EditPreview {
        try pool.read { db in try Self.preview(edit, planner: planner, db) }
    }

    /// Plans an edit and, when it has no problems and its preconditions hold, stores it in one
    /// transaction: new boundary versions (the old ones end now), created and moved units, people
    /// of retired grids moved to the merged grid, open events re-assigned with a history row, a
    /// `boundary_changes` row and an audit entry. Bumps the boundary revision. An edit that changes
    /// nothing (``EditPlan/changesNothing``) stores nothing at all: no version, no change row, no
    /// audit entry, no revision bump.
    public func commitEdit(_ edit: BoundaryEdit, by author: EditAuthor, planner: EditPlanner = EditPlanner()) throws -> EditCommit {
        guard !author.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw EditRejection.missingReason }
        return try pool.write { db in
            if let expected = author.expectedTags {
                for (level, code) in edit.namedUnits {
                    let current = try Self.versionTag(level, code, db)
                    if let current, !expected.contains(current) { throw EditRejection.stale(level: level, code: code, current: current) }
                }
            }
            let preview = try Self.preview(edit, planner: planner, db)
            guard preview.plan.isValid else { throw EditRejection.invalid(preview) }
            guard !preview.plan.changesNothing else { return EditCommit(preview: preview, changeID: nil, at: nil, tagsAfter: [:]) }
            return try EditWriter(db, preview: preview, author: author).write()
        }
    }

    static func preview(_ edit: BoundaryEdit, planner: EditPlanner, _ db: Database) throws -> EditPreview {
        for (level, code) in edit.namedUnits where try versionTag(level, code, db) == nil {
            throw UnknownUnitError(level: level, code: code)
        }
        let plan = try planner.plan(edit, in: try townLayout(for: edit, db))
        var tags: [String: String] = [:]
        for change in plan.changes where change.before != nil {
            tags[change.code] = try versionTag(change.level, change.code, db)
        }
        return EditPreview(plan: plan, consequences: try consequences(of: plan, db), tagsBefore: tags)
    }
}
