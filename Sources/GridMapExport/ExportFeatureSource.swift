/// Features of one layer, a page at a time, so that writers hold one page in memory however
/// many features the layer has.
public protocol ExportFeatureSource: Sendable {
    var schema: ExportSchema { get }
    /// The next page, or nil when every feature was given.
    mutating func nextPage() throws -> [ExportFeature]?
}

/// Features already in memory, given as one page (boundaries, coverage, density: one feature per
/// unit, thousands at most).
public struct ExportFeatureList: ExportFeatureSource {
    public let schema: ExportSchema
    private var features: [ExportFeature]?

    public init(schema: ExportSchema, features: [ExportFeature]) {
        self.schema = schema
        self.features = features
    }

    public mutating func nextPage() throws -> [ExportFeature]? {
        defer { features = nil }
        return features
    }
}
