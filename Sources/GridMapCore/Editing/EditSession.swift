import GridMapGeometry

/// The working state of one edit: the layout being changed and the problems found on the way.
final class EditSession {
    var layout: TownLayout
    let geometry: EditGeometry
    var problems: [EditProblem] = []
    private let tolerance = EditPlanner.toleranceSquareMeters
    /// Overlaps smaller than this (about a square centimetre) are floating-point noise, not area
    /// taken from a neighbour.
    private let noise = 1e-4
    /// Units touching along less than this (metres) are not neighbours: a corner is not a border.
    private let minimumBorder = 1.0

    init(layout: TownLayout, geometry: EditGeometry) {
        self.layout = layout
        self.geometry = geometry
    }

    // MARK: Operations

    /// Gives unit `code` of `level` the boundary `drawn` (clipped to its parent); its siblings lose
    /// what it takes and gain what it gives up. A redrawn village's grids are refitted.
    func redraw(_ level: AdminLevel, _ code: String, _ drawn: MultiPolygon, giveTo: String?) throws {
        let unit = try existing(level, code)
        let label = "\(level.rawValue) \(code)"
        var shape = try geometry.shape(drawn)
        if let reason = shape.invalidityReason {
            return problems.append(EditProblem("invalid_geometry", "the new boundary of \(label) is not valid: \(reason)",
                                               units: [code], shape: .area(drawn)))
        }
        let parent = try geometry.shape(parentBoundary(of: unit).geometry)
        let outside = try shape.difference(parent)
        if geometry.squareMeters(outside) > tolerance {
            problems.append(EditProblem("outside_parent", "the new boundary of \(label) extends "
                + "\(rounded(geometry.squareMeters(outside))) m² outside its \(parentLabel(of: unit))",
                units: [code, unit.unit.parentCode ?? ""], shape: .area(outside.polygons())))
        }
        shape = try shape.intersection(parent)
        var siblings = try siblingShapes(of: unit)
        if let giveTo, siblings[giveTo] == nil {
            return problems.append(EditProblem("invalid_recipient", "\(giveTo) is not another \(level.rawValue) of "
                + "\(parentLabel(of: unit)), so it cannot receive the area \(label) gives up", units: [giveTo]))
        }
        var changed: Set<String> = []
        let box = shape.envelope
        for (sibling, siblingShape) in siblings {
            guard let near = siblingShape.envelope, box?.intersects(near) == true,
                  geometry.squareMeters(try siblingShape.intersection(shape)) > noise else { continue }
            siblings[sibling] = try siblingShape.difference(shape)
            changed.insert(sibling)
        }
        let givenUp = try geometry.shape(unit.geometry).difference(shape)
        for piece in givenUp.polygonParts() where geometry.squareMeters(piece) > noise {
            if geometry.squareMeters(piece) <= tolerance {
                shape = try shape.union(piece)
            } else if let recipient = try hand(piece, to: &siblings, only: giveTo) {
                changed.insert(recipient)
            } else {
                problems.append(EditProblem("unassigned_area", "\(rounded(geometry.squareMeters(piece))) m² that \(label) gives up "
                    + (giveTo.map { "does not border \($0)" } ?? "borders no other \(level.rawValue) of \(parentLabel(of: unit))")
                    + ": keep it in the new boundary or name a neighbour to receive it", units: [code], shape: .area(piece.polygons())))
            }
        }
        set(level, code, shape)
        for sibling in changed { set(level, sibling, siblings[sibling]!) }
        if level == .village {
            for village in changed.union([code]).sorted() { try refitGrids(of: village) }
        }
    }

    /// Cuts grid `code` along `line`: the larger part keeps the code.
    func split(_ code: String, line: [Coordinate], newCode: String?, newName: String?) throws {
        let unit = try existing(.grid, code)
        guard line.count >= 2 else {
            return problems.append(EditProblem("invalid_line", "a split line needs at least two positions", units: [code], shape: .line(line)))
        }
        let shape = try geometry.shape(unit.geometry)
        let cut = try geometry.geos.polygonize([try shape.boundary(), try geometry.geos.lineGeometry([line])])
        let pieces = try cut.filter { piece in
            try piece.pointOnSurface().map { shape.covers(try geometry.geos.point($0)) } ?? false
        }.filter { geometry.squareMeters($0) > tolerance }.sorted { $0.area > $1.area }
        guard pieces.count == 2 else {
            return problems.append(pieces.count < 2
                ? EditProblem("line_does_not_split", "the line does not cut grid \(code) in two: it must cross the grid from edge to edge",
                              units: [code], shape: .line(line))
                : EditProblem("line_splits_into_more", "the line cuts grid \(code) into \(pieces.count) parts, not two",
                              units: [code], shape: .area(MultiPolygon(pieces.flatMap { $0.polygons().polygons }))))
        }
        let village = unit.unit.parentCode ?? ""
        let code2 = newCode ?? layout.nextGridCode(inVillage: village)
        if !layout.isWellFormedGridCode(code2, village: village) {
            return problems.append(EditProblem("malformed_code", "\(code2) is not a grid code of village \(village) "
                + "(its code followed by as many digits as its grids have)", units: [code2]))
        }
        if layout.usedGridCodes.contains(code2) {
            return problems.append(EditProblem("code_in_use", "grid code \(code2) is or was in use; codes are never reused", units: [code2]))
        }
        set(.grid, code, pieces[0])
        let name = newName ?? "\(unit.unit.name)-\(code2.dropFirst(village.count))"
        layout.grids[code2] = Boundary(unit: AdminUnit(level: .grid, code: code2, name: name, parentCode: village),
                                       geometry: pieces[1].polygons())
        layout.usedGridCodes.insert(code2)
    }

    /// Unites grids of one village into `into`.
    func merge(_ codes: [String], into: String?, name: String?) throws {
        let units = try codes.map { try existing(.grid, $0) }
        let survivor = into ?? codes.first ?? ""
        guard Set(codes).count == codes.count, codes.count >= 2 else {
            return problems.append(EditProblem("merge_needs_two", "a merge names two or more different grids", units: codes))
        }
        guard codes.contains(survivor) else {
            return problems.append(EditProblem("invalid_survivor", "\(survivor) is not one of the merged grids", units: [survivor]))
        }
        let villages = Set(units.map { $0.unit.parentCode ?? "" })
        guard villages.count == 1 else {
            return problems.append(EditProblem("different_villages", "grids of different villages (\(villages.sorted().joined(separator: ", "))) "
                + "cannot be merged; move one first", units: codes))
        }
        let shapes = try units.map { try geometry.shape($0.geometry) }
        for (i, shape) in shapes.enumerated() {
            let others = try geometry.geos.union(shapes.enumerated().filter { $0.offset != i }.map(\.element))
            if try geometry.sharedBorder(shape, try geometry.touchZone(others)) < minimumBorder {
                problems.append(EditProblem("not_adjacent", "grid \(codes[i]) shares no border with the other merged grids",
                                            units: [codes[i]], shape: .area(units[i].geometry)))
            }
        }
        guard problems.isEmpty else { return }
        set(.grid, survivor, try geometry.geos.union(shapes))
        if let name { layout.grids[survivor]?.unit.name = name }
        for code in codes where code != survivor { layout.grids[code] = nil }
    }

    /// Moves grid `code` with its territory to `village`.
    func move(_ code: String, to village: String) throws {
        let unit = try existing(.grid, code)
        let from = unit.unit.parentCode ?? ""
        guard let target = layout.villages[village] else {
            return problems.append(EditProblem("other_town", "village \(village) is not in town \(layout.town.unit.code); "
                + "grids move only between villages of one town", units: [village]))
        }
        guard village != from else {
            return problems.append(EditProblem("already_there", "grid \(code) already belongs to village \(village)", units: [code]))
        }
        let shape = try geometry.shape(unit.geometry)
        let targetShape = try geometry.shape(target.geometry)
        guard try geometry.sharedBorder(shape, try geometry.touchZone(targetShape)) >= minimumBorder else {
            return problems.append(EditProblem("not_adjacent", "grid \(code) shares no border with village \(village)",
                                               units: [code, village], shape: .area(unit.geometry)))
        }
        let remaining = try geometry.shape(try existing(.village, from).geometry).difference(shape)
        guard geometry.squareMeters(remaining) > tolerance else {
            return problems.append(EditProblem("village_would_be_empty", "moving grid \(code) would leave village \(from) without area",
                                               units: [from]))
        }
        set(.village, from, remaining)
        set(.village, village, try targetShape.union(shape))
        layout.grids[code]?.unit.parentCode = village
    }

    /// Gives back its current boundary, byte for byte, to every unit whose planned one covers the
    /// same territory to within ``noise`` either way: overlays re-node rings (another start vertex,
    /// another orientation, collinear vertices dropped) without moving a border, and such a unit
    /// is unchanged. A redraw to the same geometry thus plans no change at all.
    func keepUnchangedBoundaries(of before: TownLayout) throws {
        for level in [AdminLevel.village, .grid] {
            for (code, old) in before.units(level) {
                guard let new = layout.units(level)[code], new.geometry != old.geometry else { continue }
                let (a, b) = (try geometry.shape(old.geometry), try geometry.shape(new.geometry))
                if geometry.squareMeters(try a.difference(b)) + geometry.squareMeters(try b.difference(a)) <= noise {
                    set(level, code, old.geometry)
                }
            }
        }
    }

    // MARK: Helpers

    /// Clips a village's grids to it and hands the area none of them covers to the grid with the
    /// longest border.
    private func refitGrids(of village: String) throws {
        let villageShape = try geometry.shape(try existing(.village, village).geometry)
        var grids: [String: GEOSGeometryValue] = [:]
        for code in layout.gridCodes(inVillage: village) {
            let shape = try geometry.shape(layout.grids[code]!.geometry)
            let clipped = geometry.squareMeters(try shape.difference(villageShape)) > noise ? try shape.intersection(villageShape) : shape
            if geometry.squareMeters(clipped) <= tolerance {
                problems.append(EditProblem("grid_vanishes", "grid \(code) would lie entirely outside village \(village); "
                    + "merge or move it first", units: [code], shape: .area(layout.grids[code]!.geometry)))
            }
            grids[code] = clipped
        }
        let uncovered = try villageShape.difference(try geometry.geos.union(Array(grids.values)))
        for piece in uncovered.polygonParts() where geometry.squareMeters(piece) > tolerance {
            if try hand(piece, to: &grids, only: nil) == nil {
                problems.append(EditProblem("unassigned_area", "\(rounded(geometry.squareMeters(piece))) m² of village \(village) "
                    + "border none of its grids", units: [village], shape: .area(piece.polygons())))
            }
        }
        for (code, shape) in grids { set(.grid, code, shape) }
    }

    /// Unites `piece` with the candidate (`only`, or any of `candidates`) sharing the longest border
    /// with it; the receiver's code, or nil when none borders it.
    private func hand(_ piece: GEOSGeometryValue, to candidates: inout [String: GEOSGeometryValue], only: String?) throws -> String? {
        var best: (code: String, meters: Double)?
        let box = piece.envelope
        for code in only.map({ [$0] }) ?? candidates.keys.sorted() {
            guard let candidate = candidates[code], let near = candidate.envelope,
                  box?.intersects(near.padded(by: 1e-6)) == true else { continue }
            let meters = try geometry.sharedBorder(piece, try geometry.touchZone(candidate))
            if meters >= minimumBorder && meters > (best?.meters ?? 0) { best = (code, meters) }
        }
        guard let best else { return nil }
        candidates[best.code] = try candidates[best.code]!.union(piece)
        return best.code
    }

    private func existing(_ level: AdminLevel, _ code: String) throws -> Boundary {
        guard let unit = layout.units(level)[code] else { throw UnknownUnitError(level: level, code: code) }
        return unit
    }

    private func parentBoundary(of unit: Boundary) throws -> Boundary {
        unit.unit.level == .village ? layout.town : try existing(.village, unit.unit.parentCode ?? "")
    }

    private func parentLabel(of unit: Boundary) -> String {
        "\(unit.unit.level.parent?.rawValue ?? "") \(unit.unit.parentCode ?? "")"
    }

    /// The other units with the same parent, as shapes.
    private func siblingShapes(of unit: Boundary) throws -> [String: GEOSGeometryValue] {
        var shapes: [String: GEOSGeometryValue] = [:]
        for (code, sibling) in layout.units(unit.unit.level)
        where code != unit.unit.code && sibling.unit.parentCode == unit.unit.parentCode {
            shapes[code] = try geometry.shape(sibling.geometry)
        }
        return shapes
    }

    private func set(_ level: AdminLevel, _ code: String, _ shape: GEOSGeometryValue) {
        set(level, code, shape.polygons())
    }

    private func set(_ level: AdminLevel, _ code: String, _ value: MultiPolygon) {
        switch level {
        case .town: layout.town.geometry = value
        case .village: layout.villages[code]?.geometry = value
        case .grid: layout.grids[code]?.geometry = value
        }
    }
}
