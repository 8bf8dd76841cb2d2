import GridMapGeometry

/// The checks every planned layout must pass, independent of how the edit built it: each changed
/// unit valid, not too small, in no more pieces than before and inside its parent; no overlap with
/// a sibling; no new gap among the children of a changed parent; every grid of a changed village
/// still inside it. Tolerance: ``EditPlanner/toleranceSquareMeters``.
struct LayoutChecks {
    let geometry: EditGeometry
    let minimumGridArea: Double
    private var tolerance: Double { EditPlanner.toleranceSquareMeters }

    init(geometry: EditGeometry, minimumGridArea: Double) {
        self.geometry = geometry
        self.minimumGridArea = minimumGridArea
    }

    func problems(before: TownLayout, after: TownLayout, changes: [UnitChange]) throws -> [EditProblem] {
        var problems: [EditProblem] = []
        var overlapsSeen: Set<[String]> = []
        for change in changes {
            guard let unit = change.after else { continue }
            problems += try unitProblems(unit, before: change.before, in: after)
            for sibling in try overlappingSiblings(of: unit, in: after) where overlapsSeen.insert([unit.unit.code, sibling.code].sorted()).inserted {
                problems.append(EditProblem("overlap", "\(unit.unit.level.rawValue) \(unit.unit.code) overlaps \(sibling.code) by "
                    + "\(rounded(geometry.squareMeters(sibling.overlap))) m²", units: [unit.unit.code, sibling.code],
                    shape: .area(sibling.overlap.polygons())))
            }
        }
        let changedVillages = Set(changes.filter { $0.level == .village }.map(\.code))
        for code in changedVillages.sorted() {
            for grid in after.gridCodes(inVillage: code) where !changes.contains(where: { $0.code == grid }) {
                if let problem = try outsideParent(after.grids[grid]!, in: after) { problems.append(problem) }
            }
        }
        var parents: Set<String> = []
        for change in changes {
            for unit in [change.before, change.after].compactMap({ $0 }) { parents.insert(unit.unit.parentCode ?? "") }
        }
        for code in parents.sorted() {
            if let problem = try newGap(in: code, before: before, after: after) { problems.append(problem) }
        }
        return problems
    }

    private func unitProblems(_ unit: Boundary, before: Boundary?, in layout: TownLayout) throws -> [EditProblem] {
        let label = "\(unit.unit.level.rawValue) \(unit.unit.code)"
        let shape = try geometry.shape(unit.geometry)
        if let reason = shape.invalidityReason {
            return [EditProblem("invalid_result", "the edit would leave \(label) invalid: \(reason)", units: [unit.unit.code],
                                shape: .area(unit.geometry))]
        }
        var problems: [EditProblem] = []
        let area = geometry.squareMeters(shape)
        if unit.unit.level == .grid && area < minimumGridArea {
            problems.append(EditProblem("too_small", "\(label) would cover \(rounded(area)) m², less than the minimum "
                + "\(rounded(minimumGridArea)) m²", units: [unit.unit.code], shape: .area(unit.geometry)))
        }
        let parts = geometry.parts(of: shape, largerThan: tolerance).sorted { $0.area > $1.area }
        let partsBefore = try before.map { geometry.parts(of: try geometry.shape($0.geometry), largerThan: tolerance).count } ?? 1
        if parts.count > max(partsBefore, 1) {
            problems.append(EditProblem("not_contiguous", "\(label) would fall into \(parts.count) separate pieces "
                + "(the pieces apart from the largest are shown)", units: [unit.unit.code],
                shape: .area(MultiPolygon(parts.dropFirst().flatMap { $0.polygons().polygons }))))
        }
        if let problem = try outsideParent(unit, in: layout) { problems.append(problem) }
        return problems
    }

    private func outsideParent(_ unit: Boundary, in layout: TownLayout) throws -> EditProblem? {
        let parent = unit.unit.level == .village ? layout.town : layout.villages[unit.unit.parentCode ?? ""]
        guard let parent else {
            return EditProblem("missing_parent", "\(unit.unit.level.rawValue) \(unit.unit.code) has no parent", units: [unit.unit.code])
        }
        let outside = try geometry.shape(unit.geometry).difference(try geometry.shape(parent.geometry))
        guard geometry.squareMeters(outside) > tolerance else { return nil }
        return EditProblem("outside_parent", "\(unit.unit.level.rawValue) \(unit.unit.code) would extend "
            + "\(rounded(geometry.squareMeters(outside))) m² outside \(parent.unit.level.rawValue) \(parent.unit.code)",
            units: [unit.unit.code, parent.unit.code], shape: .area(outside.polygons()))
    }

    private func overlappingSiblings(of unit: Boundary, in layout: TownLayout) throws -> [(code: String, overlap: GEOSGeometryValue)] {
        guard let box = unit.geometry.boundingBox else { return [] }
        let shape = try geometry.shape(unit.geometry)
        return try layout.units(unit.unit.level).values
            .filter { $0.unit.code != unit.unit.code && $0.unit.parentCode == unit.unit.parentCode
                && $0.geometry.boundingBox.map(box.intersects) == true }
            .sorted { $0.unit.code < $1.unit.code }
            .compactMap { sibling in
                let overlap = try shape.intersection(try geometry.shape(sibling.geometry))
                return geometry.squareMeters(overlap) > tolerance ? (sibling.unit.code, overlap) : nil
            }
    }

    /// The part of a parent its children leave uncovered after the edit and did not before.
    private func newGap(in parentCode: String, before: TownLayout, after: TownLayout) throws -> EditProblem? {
        func uncovered(_ layout: TownLayout) throws -> GEOSGeometryValue? {
            let isTown = parentCode == layout.town.unit.code
            guard let parent = isTown ? layout.town : layout.villages[parentCode] else { return nil }
            let children = (isTown ? Array(layout.villages.values) : layout.grids.values.filter { $0.unit.parentCode == parentCode })
                .filter { $0.unit.parentCode == parentCode }
            return try geometry.shape(parent.geometry).difference(try geometry.geos.union(try children.map { try geometry.shape($0.geometry) }))
        }
        guard let gapAfter = try uncovered(after) else { return nil }
        let new = try uncovered(before).map { try gapAfter.difference($0) } ?? gapAfter
        let pieces = geometry.parts(of: new, largerThan: tolerance)
        guard !pieces.isEmpty else { return nil }
        let area = pieces.reduce(0) { $0 + geometry.squareMeters($1) }
        return EditProblem("gap", "\(rounded(area)) m² of \(parentCode) would be covered by none of its units", units: [parentCode],
                           shape: .area(MultiPolygon(pieces.flatMap { $0.polygons().polygons })))
    }
}
