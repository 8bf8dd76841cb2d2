import GridMapGeometry

/// Plans a ``BoundaryEdit`` on a ``TownLayout``: computes every unit's new boundary, then checks
/// the result (see ``LayoutChecks``). Pure: nothing is stored. A unit whose planned boundary
/// covers its current territory to within a square centimetre keeps its current boundary, so an
/// edit that moves no border plans no change (``EditPlan/changesNothing``).
public struct EditPlanner: Sendable {
    /// Overlaps, gaps and parts sticking out of a parent up to this area are tolerated.
    public static let toleranceSquareMeters = DatasetValidator.overlapToleranceSquareMeters
    /// The smallest grid an edit may leave, in m².
    public var minimumGridArea: Double

    public init(minimumGridArea: Double = 2_000) {
        self.minimumGridArea = minimumGridArea
    }

    /// The plan for `edit`. Throws ``UnknownUnitError`` when it names a unit the layout lacks.
    public func plan(_ edit: BoundaryEdit, in layout: TownLayout) throws -> EditPlan {
        let box = layout.town.geometry.boundingBox
        let session = EditSession(layout: layout, geometry: EditGeometry(latitude: box.map { ($0.minY + $0.maxY) / 2 } ?? 30))
        switch edit {
        case .redrawGrid(let code, let geometry, let giveTo):
            try session.redraw(.grid, code, geometry, giveTo: giveTo)
        case .redrawVillage(let code, let geometry, let giveTo):
            try session.redraw(.village, code, geometry, giveTo: giveTo)
        case .splitGrid(let code, let line, let newCode, let newName):
            try session.split(code, line: line, newCode: newCode, newName: newName)
        case .mergeGrids(let codes, let into, let name):
            try session.merge(codes, into: into, name: name)
        case .moveGrid(let code, let village):
            try session.move(code, to: village)
        }
        var problems = session.problems
        try session.keepUnchangedBoundaries(of: layout)
        let changes = layout.changes(to: session.layout)
        if problems.isEmpty {
            problems = try LayoutChecks(geometry: session.geometry, minimumGridArea: minimumGridArea)
                .problems(before: layout, after: session.layout, changes: changes)
        }
        return EditPlan(edit: edit, before: layout, after: session.layout, changes: changes, problems: problems)
    }
}
