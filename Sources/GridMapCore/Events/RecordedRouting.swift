/// Where an event was routed, as recorded with it when it was located (and again when a new
/// platform model re-routes it): the category and its deadline, the lead platform, its office,
/// the assisting platforms, and which rule of which model decided.
public struct RecordedRouting: Sendable, Equatable, Decodable {
    /// A category or platform: its code and name.
    public struct Name: Sendable, Equatable, Decodable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public var category: Name
    public var deadlineHours: Int?
    public var platform: Name
    /// The platform's lead (牵头领导) at the time.
    public var lead: String
    public var office: String?
    public var assisting: [Name]
    /// The platform model's name.
    public var model: String
    /// The category whose rule decided (the event's own or an ancestor).
    public var rule: String
    /// Where the deciding rule applies: "everywhere", "village …", "grid …".
    public var place: String
    public var note: String?
    /// Who overrode the rules' platform or office at triage (研判), and why; nil when the rules decided.
    public var overriddenBy: String?
    public var overrideReason: String?

    public init(category: Name, deadlineHours: Int?, platform: Name, lead: String, office: String?, assisting: [Name],
                model: String, rule: String, place: String, note: String?, overriddenBy: String? = nil, overrideReason: String? = nil) {
        self.category = category
        self.deadlineHours = deadlineHours
        self.platform = platform
        self.lead = lead
        self.office = office
        self.assisting = assisting
        self.model = model
        self.rule = rule
        self.place = place
        self.note = note
        self.overriddenBy = overriddenBy
        self.overrideReason = overrideReason
    }

    /// The decision `routed` as recorded.
    public init(_ routed: RoutedCategory) {
        category = Name(code: routed.category.code, name: routed.category.name)
        deadlineHours = routed.deadlineHours
        platform = Name(code: routed.routing.platform.code, name: routed.routing.platform.name)
        lead = routed.routing.platform.lead
        office = routed.routing.office
        assisting = routed.routing.assisting.map { Name(code: $0.code, name: $0.name) }
        model = routed.model
        rule = routed.routing.ruleCategory
        place = routed.routing.place.description
        note = routed.routing.note
    }

    enum CodingKeys: String, CodingKey {
        case category, platform, lead, office, assisting, model, rule, place, note
        case deadlineHours = "deadline_hours"
        case overriddenBy = "overridden_by"
        case overrideReason = "override_reason"
    }

    /// Reads every stored shape: the first schema's (commit af8172c) kept the lead inside `platform`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decode(Name.self, forKey: .category)
        deadlineHours = try c.decodeIfPresent(Int.self, forKey: .deadlineHours)
        platform = try c.decode(Name.self, forKey: .platform)
        lead = try c.decodeIfPresent(String.self, forKey: .lead)
            ?? c.decode(PlatformWithLead.self, forKey: .platform).lead
        office = try c.decodeIfPresent(String.self, forKey: .office)
        assisting = try c.decode([Name].self, forKey: .assisting)
        model = try c.decode(String.self, forKey: .model)
        rule = try c.decode(String.self, forKey: .rule)
        place = try c.decode(String.self, forKey: .place)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        overriddenBy = try c.decodeIfPresent(String.self, forKey: .overriddenBy)
        overrideReason = try c.decodeIfPresent(String.self, forKey: .overrideReason)
    }

    private struct PlatformWithLead: Decodable { var lead: String }
}
