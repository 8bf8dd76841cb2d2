/// Routes a town's events to platforms by its ``Taxonomy``.
///
/// Which rule wins: the most specific place first — a rule for the event's grid, then one for its
/// village, then a general rule — and for each place the most specific category (the event's
/// own, then its parent's, …). So spatial overrides win: an override for 环境污染 in a village
/// beats the general rule for its child 水体污染.
public struct TaxonomyRouter: Sendable {
    public let taxonomy: Taxonomy
    private let categoryByCode: [String: EventCategory]
    private let platformByCode: [String: Platform]
    private let rules: [RuleKey: Route]

    private struct RuleKey: Hashable {
        var category: String
        var place: Place
    }

    /// Where a rule applies.
    public enum Place: Hashable, Sendable, CustomStringConvertible {
        case everywhere
        case village(String)
        case grid(String)

        /// "everywhere", "village 331102102222", "grid 331102102001001".
        public var description: String {
            switch self {
            case .everywhere: "everywhere"
            case .village(let code): "village \(code)"
            case .grid(let code): "grid \(code)"
            }
        }
    }

    /// A checked taxonomy (see ``Taxonomy/problems()``).
    public init(_ taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        categoryByCode = Dictionary(taxonomy.categories.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        platformByCode = Dictionary(taxonomy.platforms.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var rules: [RuleKey: Route] = [:]
        for route in taxonomy.routes {
            let places: [Place] = route.villages?.map(Place.village) ?? route.grids?.map(Place.grid) ?? [.everywhere]
            for place in places { rules[RuleKey(category: route.category, place: place)] = route }
        }
        self.rules = rules
    }

    public func category(_ code: String) -> EventCategory? { categoryByCode[code] }

    /// The handling deadline of a category, in hours (inherited from its parents).
    public func deadlineHours(of code: String) -> Int? {
        ancestors(of: code).lazy.compactMap { self.categoryByCode[$0]?.deadlineHours }.first
    }

    /// Where an event of `category` in `grid`/`village` goes; nil for an unknown category.
    public func route(category: String, grid: String?, village: String?) -> Routing? {
        guard categoryByCode[category] != nil else { return nil }
        let chain = ancestors(of: category)
        let places = [grid.map(Place.grid), village.map(Place.village), .everywhere].compactMap { $0 }
        for place in places {
            for code in chain {
                guard let route = rules[RuleKey(category: code, place: place)],
                      let platform = platformByCode[route.platform] else { continue }
                return Routing(platform: platform, office: route.office,
                               assisting: (route.assisting ?? []).compactMap { platformByCode[$0] },
                               ruleCategory: code, place: place, note: route.note)
            }
        }
        return nil
    }

    private func ancestors(of code: String) -> [String] {
        taxonomy.ancestors(of: code, in: categoryByCode) ?? [code]
    }
}

/// Where an event goes: the lead platform and office, the assisting platforms (联勤联动), and the
/// rule that decided it.
public struct Routing: Sendable, Equatable {
    public var platform: Platform
    public var office: String?
    public var assisting: [Platform]
    /// The category whose rule applied (the event's own or an ancestor's).
    public var ruleCategory: String
    public var place: TaxonomyRouter.Place
    public var note: String?

    /// True when a village or grid override decided.
    public var isOverride: Bool { place != .everywhere }
}
