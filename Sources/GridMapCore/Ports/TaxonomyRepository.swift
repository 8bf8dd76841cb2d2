/// The towns' platform models (2016 or 2022 four platforms, or a town's own) over time.
public protocol TaxonomyRepository: Sendable {
    /// The current platform model of every town that has one.
    func currentTaxonomies() throws -> [StoredTaxonomy]
    /// Moves `town` to `taxonomy` from `validFrom` and re-routes its open events by it (each with
    /// a history entry), keeping the command room's overrides (研判) whose office the new model
    /// still has; handled events keep their platform. One transaction: when an open
    /// event's category is not in the new model, nothing changes.
    func migrateTaxonomy(_ taxonomy: Taxonomy, town: String, validFrom: Instant, actor: String) throws -> TaxonomyMigration
}
