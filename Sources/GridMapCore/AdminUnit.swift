import GridMapGeometry

/// The three levels of the grid-governance hierarchy: town (镇/街道) → village or community
/// (行政村/社区) → grid (网格).
public enum AdminLevel: String, CaseIterable, Sendable, Codable {
    case town, village, grid

    /// The level above, if any.
    public var parent: AdminLevel? {
        switch self {
        case .town: nil
        case .village: .town
        case .grid: .village
        }
    }

    /// The GeoJSON property naming the parent's code.
    public var parentCodeProperty: String? { parent.map { "\($0.rawValue)_code" } }
}

/// A town, village or grid as identified by its code.
public struct AdminUnit: Hashable, Sendable, Codable {
    public var level: AdminLevel
    public var code: String
    public var name: String
    /// Code of the unit one level up (nil for towns).
    public var parentCode: String?

    public init(level: AdminLevel, code: String, name: String, parentCode: String?) {
        self.level = level
        self.code = code
        self.name = name
        self.parentCode = parentCode
    }
}

extension AdminUnit {
    /// True when `code` is `village`'s code followed by exactly `suffixDigits` ASCII digits.
    public static func isGridCode(_ code: String, ofVillage village: String, suffixDigits: Int) -> Bool {
        code.count == village.count + suffixDigits && code.hasPrefix(village)
            && code.dropFirst(village.count).allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// A unit with its current boundary.
public struct Boundary: Sendable {
    public var unit: AdminUnit
    public var geometry: MultiPolygon

    public init(unit: AdminUnit, geometry: MultiPolygon) {
        self.unit = unit
        self.geometry = geometry
    }
}

/// Roles of the people attached to grids and villages.
public enum PersonRole: String, CaseIterable, Sendable, Codable {
    /// 网格员: patrols one grid and reports events; attached to a grid.
    case gridMember = "网格员"
    /// 村干部: village (or community) lead; attached to a village.
    case villageLead = "村干部"
    /// 联村干部: town cadre liaising with a village; attached to a village.
    case liaisonCadre = "联村干部"

    /// The level a person of this role is attached to.
    public var attachedTo: AdminLevel { self == .gridMember ? .grid : .village }
}

/// A responsible person.
public struct Person: Hashable, Sendable, Codable {
    public var role: PersonRole
    public var name: String
    public var phone: String
    /// The grid or village code the person is attached to (per ``PersonRole/attachedTo``).
    public var unitCode: String
    /// AB岗: the primary (A) holds the post; the backup (B) is named while the primary is absent.
    public var post: Post
    public var absent: Bool

    public init(role: PersonRole, name: String, phone: String, unitCode: String, post: Post = .a, absent: Bool = false) {
        self.role = role
        self.name = name
        self.phone = phone
        self.unitCode = unitCode
        self.post = post
        self.absent = absent
    }
}

/// A post of the AB岗 system.
public enum Post: String, CaseIterable, Sendable, Codable {
    case a = "A", b = "B"
}

/// Everything resolution needs, read from the store at one moment.
public struct AdminSnapshot: Sendable {
    public var towns: [Boundary]
    public var villages: [Boundary]
    public var grids: [Boundary]
    public var people: [Person]
    /// Each town's current platform model, by town code.
    public var taxonomies: [String: Taxonomy]
    /// The store's boundary revision this snapshot was read at.
    public var revision: Int

    public init(towns: [Boundary], villages: [Boundary], grids: [Boundary], people: [Person],
                taxonomies: [String: Taxonomy] = [:], revision: Int) {
        self.towns = towns
        self.villages = villages
        self.grids = grids
        self.people = people
        self.taxonomies = taxonomies
        self.revision = revision
    }
}

extension AdminSnapshot {
    /// The boundaries of one level.
    public func boundaries(_ level: AdminLevel) -> [Boundary] {
        switch level {
        case .town: towns
        case .village: villages
        case .grid: grids
        }
    }

    /// The boundaries of `level` inside a town and/or a village (nil: any).
    public func boundaries(_ level: AdminLevel, inTown town: String?, village: String?) -> [Boundary] {
        let townOfVillage = Dictionary(villages.map { ($0.unit.code, $0.unit.parentCode) }, uniquingKeysWith: { a, _ in a })
        return boundaries(level).filter { boundary in
            let unit = boundary.unit
            let villageCode = level == .grid ? unit.parentCode : level == .village ? unit.code : nil
            let townCode = level == .town ? unit.code : level == .village ? unit.parentCode : villageCode.flatMap { townOfVillage[$0] ?? nil }
            return (town == nil || town == townCode) && (village == nil || (level != .town && village == villageCode))
        }
    }
}

extension AdminSnapshot {
    /// Areas in km² by code of `level`'s units, each measured on the CGCS2000 Gauss-Krüger zone
    /// of its centre (via PROJ).
    public func areasKm2(_ level: AdminLevel) throws -> [String: Double] {
        var projections = MetricProjections()
        var areas: [String: Double] = [:]
        for boundary in boundaries(level) where boundary.geometry.boundingBox != nil {
            areas[boundary.unit.code] = try projections.area(boundary.geometry) / 1_000_000
        }
        return areas
    }
}
