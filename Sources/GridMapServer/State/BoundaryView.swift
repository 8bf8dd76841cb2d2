import GridMapCore
import GridMapExport
import GridMapJSON

/// What the server answers about boundaries at one boundary revision: the resolver with its
/// prerendered JSON parts, the resolvers of past instants, and values derived on first use (unit
/// areas, OGC features). Immutable apart from those memos; replaced whole when the revision moves.
final class BoundaryView: Sendable {
    let resolution: ResolutionJSON
    /// The boundaries and platform models valid at any instant, as of this revision.
    let history: HistoricalResolvers
    private let areasByLevel = MemoTable<AdminLevel, [String: Double]>()
    private let featuresByLayer = MemoTable<ExportLayer, [OGCBoundaryFeature]>()

    /// Reads the store's current boundaries and builds the indexes.
    init(store: any BoundaryRepository) throws {
        resolution = ResolutionJSON(Resolver(try store.snapshot()))
        history = try HistoricalResolvers(store: store)
    }

    var resolver: Resolver { resolution.resolver }
    var snapshot: AdminSnapshot { resolution.resolver.snapshot }
    var revision: Int { snapshot.revision }

    /// Areas in km² by code of `level`'s units (see ``AdminSnapshot/areasKm2(_:)``).
    func areas(_ level: AdminLevel) throws -> [String: Double] {
        try areasByLevel.value(for: level) { try snapshot.areasKm2(level) }
    }

    /// `layer`'s current features with their boxes, as the OGC collections page them.
    func features(_ layer: ExportLayer) throws -> [OGCBoundaryFeature] {
        try featuresByLayer.value(for: layer) { try OGCBoundaryFeature.all(layer, in: snapshot) }
    }

    /// The boundaries at `instant` (nil: this revision's current ones).
    func snapshot(asOf instant: Instant?) throws -> AdminSnapshot {
        guard let instant else { return snapshot }
        return try history.resolver(at: instant).snapshot
    }
}
