/// The rules of previewing and committing a boundary edit, over any ``BoundaryRepository``: the
/// repository reads and persists inside one transaction, the checks are here.
extension BoundaryRepository {
    /// Plans an edit on the current boundaries without storing anything; ``ScopeError`` when it
    /// changes a unit outside `scope` (``AccessScope/check(_:)-EditPlan``).
    public func previewEdit(_ edit: BoundaryEdit, planner: EditPlanner = EditPlanner(), within scope: AccessScope = .everywhere) throws -> EditPreview {
        try readEdit { try $0.preview(edit, planner: planner, within: scope) }
    }

    /// Plans an edit and, when it has no problems and its preconditions hold, stores it in one
    /// transaction (``BoundaryEditTransaction/persist(_:by:)``). Refused first: no reason
    /// (``EditRejection/missingReason``), then a named unit no longer at a version the editor saw
    /// (``EditRejection/stale(level:code:current:)``), then a plan changing a unit outside the
    /// author's scope (``ScopeError``), then a plan with problems
    /// (``EditRejection/invalid(_:)``). An edit that changes nothing (``EditPlan/changesNothing``)
    /// stores nothing at all: no version, no change row, no audit entry, no revision bump.
    public func commitEdit(_ edit: BoundaryEdit, by author: EditAuthor, planner: EditPlanner = EditPlanner()) throws -> EditCommit {
        guard !author.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw EditRejection.missingReason }
        return try writeEdit { transaction in
            if let expected = author.expectedTags {
                for (level, code) in edit.namedUnits {
                    if let current = try transaction.versionTag(level, code), !expected.contains(current) {
                        throw EditRejection.stale(level: level, code: code, current: current)
                    }
                }
            }
            let preview = try transaction.preview(edit, planner: planner, within: author.scope)
            guard preview.plan.isValid else { throw EditRejection.invalid(preview) }
            guard !preview.plan.changesNothing else { return EditCommit(preview: preview, changeID: nil, at: nil, tagsAfter: [:]) }
            return try transaction.persist(preview, by: author)
        }
    }
}

extension BoundaryEditTransaction {
    /// The plan of `edit` on the current layout, its consequences and the versions it starts
    /// from; ``UnknownUnitError`` when it names a unit with no current boundary, ``ScopeError``
    /// when it changes one outside `scope`.
    func preview(_ edit: BoundaryEdit, planner: EditPlanner, within scope: AccessScope) throws -> EditPreview {
        for (level, code) in edit.namedUnits where try versionTag(level, code) == nil {
            throw UnknownUnitError(level: level, code: code)
        }
        let plan = try planner.plan(edit, in: try layout(for: edit))
        try scope.check(plan)
        var tags: [String: String] = [:]
        for change in plan.changes where change.before != nil {
            tags[change.code] = try versionTag(change.level, change.code)
        }
        return EditPreview(plan: plan, consequences: try consequences(of: plan), tagsBefore: tags)
    }
}
