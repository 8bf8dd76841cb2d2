import GridMapCore

/// Features of the coverage layer: one per grid with its patrol figures over the period.
enum CoverageFeatures {
    static func feature(_ row: GridCoverageRow) -> ExportFeature {
        let c = row.coverage
        let values: [ExportValue] = [
            .text(row.grid.code), .text(row.grid.name),
            .optional(row.village?.code), .optional(row.village?.name), .optional(row.town?.code), .optional(row.town?.name),
            .real(c.area), .real(c.coveredArea), .real(c.coveredFraction * 100), .real(c.length), .real(c.dwellSeconds / 60),
            .integer(Int64(c.visits.count)), .optional(row.lastVisit.map(Timestamp.format(milliseconds:))),
            .text(c.compliance.frequency.rawValue), .integer(c.compliance.compliant ? 1 : 0),
        ]
        return ExportFeature(id: .text(row.grid.code), geometry: .multiPolygon(row.geometry), values: values)
    }
}
