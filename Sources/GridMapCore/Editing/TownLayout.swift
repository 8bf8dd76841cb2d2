import GridMapGeometry

/// A town's villages and grids as one edit sees them: the current boundaries before the edit,
/// and the planned ones after it. Units are keyed by code; each unit's `parentCode` says where it
/// belongs. It holds every village of the town but only the grids of the villages the edit may
/// change (a town may have thousands).
public struct TownLayout: Sendable {
    public var town: Boundary
    public var villages: [String: Boundary]
    public var grids: [String: Boundary]
    /// Every grid code ever stored for the town's villages, retired ones included: a new grid
    /// never reuses one, so history stays unambiguous.
    public var usedGridCodes: Set<String>

    public init(town: Boundary, villages: [Boundary], grids: [Boundary], usedGridCodes: Set<String> = []) {
        self.town = town
        self.villages = Dictionary(villages.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.grids = Dictionary(grids.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.usedGridCodes = usedGridCodes.union(self.grids.keys)
    }

    /// Codes of the grids of a village, ascending.
    public func gridCodes(inVillage village: String) -> [String] {
        grids.values.filter { $0.unit.parentCode == village }.map(\.unit.code).sorted()
    }

    /// The boundaries of a level.
    public func units(_ level: AdminLevel) -> [String: Boundary] {
        switch level {
        case .town: [town.unit.code: town]
        case .village: villages
        case .grid: grids
        }
    }

    /// The town with the villages and grids whose boxes meet `box`, as a snapshot to resolve points
    /// inside `box` with (exactly as the whole town would).
    public func snapshot(near box: BoundingBox, people: [Person] = []) -> AdminSnapshot {
        func near(_ units: [String: Boundary]) -> [Boundary] {
            units.values.filter { $0.geometry.boundingBox?.intersects(box) == true }
        }
        return AdminSnapshot(towns: [town], villages: near(villages), grids: near(grids), people: people, revision: 0)
    }

    /// The next unused grid code of a village: its code followed by the suffix after the largest
    /// used one, as many digits as its grids' codes have.
    public func nextGridCode(inVillage village: String) -> String {
        let digits = gridCodeSuffixDigits(inVillage: village)
        let next = (usedGridCodes.compactMap { $0.hasPrefix(village) ? Int($0.dropFirst(village.count)) : nil }.max() ?? 0) + 1
        return village + String(repeating: "0", count: max(0, digits - String(next).count)) + String(next)
    }

    /// True when `code` is a well-formed grid code of `village` (see ``AdminUnit/isGridCode(_:ofVillage:suffixDigits:)``),
    /// with as many digits as its other grids' codes have.
    public func isWellFormedGridCode(_ code: String, village: String) -> Bool {
        AdminUnit.isGridCode(code, ofVillage: village, suffixDigits: gridCodeSuffixDigits(inVillage: village))
    }

    /// How many digits follow the village's code in its grids' codes (3 when it has none).
    private func gridCodeSuffixDigits(inVillage village: String) -> Int {
        usedGridCodes.filter { $0.hasPrefix(village) && $0.count > village.count }.map { $0.count - village.count }.max() ?? 3
    }
}

/// One unit's boundary before and after an edit.
public struct UnitChange: Sendable {
    public var level: AdminLevel
    public var code: String
    /// Nil for a unit the edit creates.
    public var before: Boundary?
    /// Nil for a unit the edit retires.
    public var after: Boundary?

    /// What happened to the unit, for people reading a preview.
    public var kind: Kind {
        guard let before else { return .created }
        guard let after else { return .retired }
        if before.geometry != after.geometry { return .reshaped }
        return before.unit.parentCode != after.unit.parentCode ? .moved : .renamed
    }

    public enum Kind: String, Sendable {
        case created, retired, reshaped, moved, renamed
    }
}

extension TownLayout {
    /// The villages, then the grids, whose boundary, parent or name differ between `self` (before)
    /// and `after`, each by code (edits never change the town).
    public func changes(to after: TownLayout) -> [UnitChange] {
        [AdminLevel.village, .grid].flatMap { level -> [UnitChange] in
            let old = units(level), new = after.units(level)
            return Set(old.keys).union(new.keys).sorted().compactMap { code in
                let a = old[code], b = new[code]
                if let a, let b, a.geometry == b.geometry, a.unit == b.unit { return nil }
                return UnitChange(level: level, code: code, before: a, after: b)
            }
        }
    }
}
