import GridMapCore

/// Features of the operations layer (联合执法): one per operation, its area as the geometry.
enum OperationFeatures {
    /// The operations whose period overlaps [from, to) of `options`, inside its viewer's scope.
    static func features(store: any GridMapRepository, options: ExportOptions) throws -> [ExportFeature] {
        let events = try options.eventQuery()
        var query = OperationQuery()
        query.from = events.from
        query.to = events.to
        query.limit = 100_000
        return try store.operations(query).filter(options.viewer.scope.covers).map { feature($0, masked: !options.viewer.seesPersonal) }
    }

    static func feature(_ o: JointOperation, masked: Bool) -> ExportFeature {
        let values: [ExportValue] = [
            .integer(o.id), .text(o.title), .optional(o.town), .text(o.offices.joined(separator: ",")), .text(o.areaKind.rawValue),
            .text(o.grids.joined(separator: ",")), .text(o.start.iso), .text(o.end.iso),
            .text(o.events.map(String.init).joined(separator: ",")), masked ? .null : .optional(o.outcome),
        ]
        return ExportFeature(id: .integer(o.id), geometry: .multiPolygon(o.area), values: values)
    }
}
