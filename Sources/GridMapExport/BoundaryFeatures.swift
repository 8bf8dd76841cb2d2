import GridMapCore

/// Features of towns, villages and grids (and the density of events per grid) from one snapshot
/// of the boundaries: parents' codes and names, areas on each unit's Gauss-Krüger zone.
struct BoundaryFeatures {
    private let snapshot: AdminSnapshot
    private let units: [String: AdminUnit]

    init(_ snapshot: AdminSnapshot) {
        self.snapshot = snapshot
        units = Dictionary((snapshot.towns + snapshot.villages).map { ($0.unit.code, $0.unit) }, uniquingKeysWith: { a, _ in a })
    }

    /// One feature per unit of `level`: code, name, parents, area_km2.
    func features(of level: AdminLevel) throws -> [ExportFeature] {
        let areas = try snapshot.areasKm2(level)
        return snapshot.boundaries(level).map { boundary in
            feature(boundary, extra: [areas[boundary.unit.code].map(ExportValue.real) ?? .null])
        }
    }

    /// One feature per grid: code, name, parents, area_km2, events (from `counts` by grid code),
    /// per_km2.
    func densityFeatures(_ counts: [String: Int]) throws -> [ExportFeature] {
        let areas = try snapshot.areasKm2(.grid)
        return snapshot.grids.map { boundary in
            let count = counts[boundary.unit.code] ?? 0
            let area = areas[boundary.unit.code]
            return feature(boundary, extra: [area.map(ExportValue.real) ?? .null, .integer(Int64(count)),
                                             area.flatMap { $0 > 0 ? .real(Double(count) / $0) : nil } ?? .null])
        }
    }

    private func feature(_ boundary: Boundary, extra: [ExportValue]) -> ExportFeature {
        var values: [ExportValue] = [.text(boundary.unit.code), .text(boundary.unit.name)]
        var parent = boundary.unit.parentCode.flatMap { units[$0] }
        while let unit = parent {
            values += [.text(unit.code), .text(unit.name)]
            parent = unit.parentCode.flatMap { units[$0] }
        }
        return ExportFeature(id: .text(boundary.unit.code), geometry: .multiPolygon(boundary.geometry), values: values + extra)
    }
}
