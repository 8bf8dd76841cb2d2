import GridMapGeometry

/// One change a planner asks for. Every edit keeps its villages exactly covered by their grids
/// (and its town by its villages): area one unit takes is removed from its siblings, and area it
/// gives up goes to the sibling sharing the longest border with it, or to `giveTo`.
public enum BoundaryEdit: Sendable, Equatable {
    /// A new boundary for a grid (clipped to its village; 1 m² may stick out).
    case redrawGrid(code: String, geometry: MultiPolygon, giveTo: String?)
    /// Cuts a grid in two along a line: the larger part keeps the code, the other becomes a new grid
    /// (`newCode`, or the village's next unused code).
    case splitGrid(code: String, line: [Coordinate], newCode: String?, newName: String?)
    /// Unites adjacent grids of one village into `into` (default: the first); the others retire.
    case mergeGrids(codes: [String], into: String?, name: String?)
    /// Moves a grid, with its territory, to an adjacent village of the same town: the old village
    /// loses the grid's area and the new one gains it.
    case moveGrid(code: String, toVillage: String)
    /// A new boundary for a village; sibling villages give or take area as for grids, and the
    /// grids of every changed village are refitted (clipped, and new area given to the grid with
    /// the longest border).
    case redrawVillage(code: String, geometry: MultiPolygon, giveTo: String?)

    /// A short name for logs, JSON and the audit log.
    public var name: String {
        switch self {
        case .redrawGrid: "redraw_grid"
        case .splitGrid: "split_grid"
        case .mergeGrids: "merge_grids"
        case .moveGrid: "move_grid"
        case .redrawVillage: "redraw_village"
        }
    }

    /// The units the edit names, whose versions an `If-Match` precondition is checked against.
    public var namedUnits: [(level: AdminLevel, code: String)] {
        switch self {
        case .redrawGrid(let code, _, _), .splitGrid(let code, _, _, _): [(.grid, code)]
        case .mergeGrids(let codes, _, _): codes.map { (.grid, $0) }
        case .moveGrid(let code, let village): [(.grid, code), (.village, village)]
        case .redrawVillage(let code, _, _): [(.village, code)]
        }
    }
}

/// An edit that cannot even be planned: it names a unit that does not exist.
public struct UnknownUnitError: CodedError, Sendable {
    public var level: AdminLevel
    public var code: String
    public init(level: AdminLevel, code: String) {
        self.level = level
        self.code = code
    }
    public var description: String { "unknown \(level.rawValue) \(code)" }
    public var errorCode: String { "unknown_unit" }
    public var failureKind: FailureKind { .notFound }
}
