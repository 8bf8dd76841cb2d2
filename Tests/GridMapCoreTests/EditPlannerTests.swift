import GridMapCore
import GridMapGeometry
import Testing

/// The planner on known geometry: a village of four square grids (cells of 0.01°), 2 × 2:
/// A (bottom left), B (bottom right), C (top left), D (top right).
@Suite struct EditPlannerTests {
    static let size = 0.01
    static let origin = Coordinate(120, 30)
    static let village = "330000001001"

    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> MultiPolygon {
        let o = origin, s = size
        return MultiPolygon([Polygon(exterior: [Coordinate(o.x + x0 * s, o.y + y0 * s), Coordinate(o.x + x1 * s, o.y + y0 * s),
                                                Coordinate(o.x + x1 * s, o.y + y1 * s), Coordinate(o.x + x0 * s, o.y + y1 * s),
                                                Coordinate(o.x + x0 * s, o.y + y0 * s)])])
    }

    static func grid(_ suffix: String, _ geometry: MultiPolygon) -> Boundary {
        Boundary(unit: AdminUnit(level: .grid, code: village + suffix, name: "网格\(suffix)", parentCode: village), geometry: geometry)
    }

    let layout = TownLayout(
        town: Boundary(unit: AdminUnit(level: .town, code: "330000001000", name: "镇", parentCode: nil), geometry: square(0, 0, 2, 2)),
        villages: [Boundary(unit: AdminUnit(level: .village, code: village, name: "村", parentCode: "330000001000"), geometry: square(0, 0, 2, 2))],
        grids: [grid("001", square(0, 0, 1, 1)), grid("002", square(1, 0, 2, 1)), grid("003", square(0, 1, 1, 2)), grid("004", square(1, 1, 2, 2))])
    let a = village + "001", b = village + "002", c = village + "003", d = village + "004"

    /// Area in cells (0.01° squares).
    func cells(_ geometry: MultiPolygon?) throws -> Double {
        guard let geometry else { return 0 }
        return try GEOSContext().geometry(geometry).area / (Self.size * Self.size)
    }

    @Test func takenAreaLeavesTheNeighbour() throws {
        let plan = try EditPlanner().plan(.redrawGrid(code: a, geometry: Self.square(0, 0, 1.5, 1), giveTo: nil), in: layout)
        #expect(plan.problems == [])
        #expect(plan.changes.map(\.code) == [a, b])
        #expect(abs(try cells(plan.after.grids[a]?.geometry) - 1.5) < 1e-9)
        #expect(abs(try cells(plan.after.grids[b]?.geometry) - 0.5) < 1e-9)
    }

    @Test func givenUpAreaGoesToTheLongestBorderOrTheNamedNeighbour() throws {
        // A keeps its left half: the right half borders B along a whole cell, C along half a cell.
        let shrunk = Self.square(0, 0, 0.5, 1)
        let automatic = try EditPlanner().plan(.redrawGrid(code: a, geometry: shrunk, giveTo: nil), in: layout)
        #expect(automatic.problems == [] && automatic.changes.map(\.code) == [a, b])
        #expect(abs(try cells(automatic.after.grids[b]?.geometry) - 1.5) < 1e-9)
        let named = try EditPlanner().plan(.redrawGrid(code: a, geometry: shrunk, giveTo: c), in: layout)
        #expect(named.problems == [] && named.changes.map(\.code) == [a, c])
        #expect(abs(try cells(named.after.grids[c]?.geometry) - 1.5) < 1e-9)
        // D only touches the piece at a corner.
        let corner = try EditPlanner().plan(.redrawGrid(code: a, geometry: shrunk, giveTo: d), in: layout)
        #expect(corner.problems.map(\.code) == ["unassigned_area"])
        #expect(abs(try cells(corner.problems[0].shape.flatMap { if case .area(let p) = $0 { p } else { nil } }) - 0.5) < 1e-9)
    }

    @Test func outsideTheVillageIsRefusedWithThePartOutside() throws {
        let plan = try EditPlanner().plan(.redrawGrid(code: a, geometry: Self.square(-0.5, 0, 1, 1), giveTo: nil), in: layout)
        #expect(plan.problems.map(\.code) == ["outside_parent"])
        if case .area(let outside) = plan.problems[0].shape { #expect(abs(try cells(outside) - 0.5) < 1e-9) } else { Issue.record("no area") }
    }

    @Test func splitKeepsTheLargerPartAndIssuesTheNextCode() throws {
        let x = Self.origin.x + 0.3 * Self.size
        let line = [Coordinate(x, Self.origin.y - 0.001), Coordinate(x, Self.origin.y + 0.011)]
        let plan = try EditPlanner().plan(.splitGrid(code: a, line: line, newCode: nil, newName: nil), in: layout)
        #expect(plan.problems == [])
        #expect(abs(try cells(plan.after.grids[a]?.geometry) - 0.7) < 1e-9)
        #expect(abs(try cells(plan.after.grids[Self.village + "005"]?.geometry) - 0.3) < 1e-9)
        #expect(plan.changes.first { $0.code == Self.village + "005" }?.kind == .created)
        let taken = try EditPlanner().plan(.splitGrid(code: a, line: line, newCode: b, newName: nil), in: layout)
        #expect(taken.problems.map(\.code) == ["code_in_use"])
    }

    @Test func mergeNeedsASharedBorder() throws {
        let merged = try EditPlanner().plan(.mergeGrids(codes: [a, b], into: b, name: "合并网格"), in: layout)
        #expect(merged.problems == [])
        #expect(merged.after.grids[a] == nil)
        #expect(abs(try cells(merged.after.grids[b]?.geometry) - 2) < 1e-9)
        #expect(merged.after.grids[b]?.unit.name == "合并网格")
        let diagonal = try EditPlanner().plan(.mergeGrids(codes: [a, d], into: nil, name: nil), in: layout)
        #expect(diagonal.problems.map(\.code) == ["not_adjacent", "not_adjacent"])
    }

    @Test func tooSmallAndUnknownUnits() throws {
        let tiny = try EditPlanner(minimumGridArea: 2_000_000).plan(.redrawGrid(code: a, geometry: Self.square(0, 0, 1.5, 1), giveTo: nil), in: layout)
        #expect(tiny.problems.map(\.code) == ["too_small", "too_small"] && tiny.problems.map(\.units) == [[a], [b]])
        #expect(throws: UnknownUnitError.self) { try EditPlanner().plan(.mergeGrids(codes: [a, "x"], into: nil, name: nil), in: layout) }
    }
}
