import GridMapCore
import GridMapGeometry

/// A small edit for tests: a grid of the store's first town grown by about a metre, inside its
/// village, so that only that grid (and a neighbour it overlaps) changes.
public struct GrownGrid {
    public let layout: TownLayout
    public let code: String
    public let original: MultiPolygon
    public let grown: MultiPolygon

    public init(in store: any BoundaryRepository) throws {
        layout = try store.townLayout(of: .grid, try store.currentBoundaries(.grid)[0].unit.code)
        code = layout.gridCodes(inVillage: layout.villages.keys.sorted()[0])[0]
        original = layout.grids[code]!.geometry
        let geos = GEOSContext()
        let village = layout.villages[layout.grids[code]!.unit.parentCode!]!.geometry
        grown = try geos.geometry(original).buffer(1e-5).intersection(try geos.geometry(village)).polygons()
    }

    /// The redraw that applies it.
    public var edit: BoundaryEdit { .redrawGrid(code: code, geometry: grown, giveTo: nil) }

    /// A planner's authorship of an edit, for `reason`.
    public static func author(_ reason: String, expecting tags: Set<String>? = nil) -> EditAuthor {
        EditAuthor(actor: AuditActor(name: "planner-1", role: .planner, origin: "test"), reason: reason, expectedTags: tags)
    }
}
