/// A stored platform model version of a town.
public struct StoredTaxonomy: Sendable {
    public var id: Int64
    public var townCode: String
    public var validFrom: Instant
    public var taxonomy: Taxonomy

    public init(id: Int64, townCode: String, validFrom: Instant, taxonomy: Taxonomy) {
        self.id = id
        self.townCode = townCode
        self.validFrom = validFrom
        self.taxonomy = taxonomy
    }
}

/// What moving a town to another platform model did.
public struct TaxonomyMigration: Sendable {
    /// Open events re-routed, per "old platform → new platform".
    public var moved: [String: Int] = [:]
    /// Handled events, which keep the platform that handled them.
    public var closedKept = 0
    public var changed: Bool

    public init(changed: Bool) { self.changed = changed }
}
