import GridMapCore

extension JSONWriter {
    /// The members that routing adds to a resolution (`,"category":…,"platform":…,…`): the
    /// category with its deadline, the lead platform and office, assisting platforms, and which
    /// rule decided; or `"platform":null` and the reason when the point's town cannot route.
    mutating func routingMembers(_ routed: Result<RoutedCategory, RoutingError>) {
        switch routed {
        case .failure(let error):
            raw(",\"platform\":null,\"routing_problem\":"); string(error.description)
        case .success(let r):
            raw(",\"category\":{\"code\":"); string(r.category.code)
            raw(",\"name\":"); string(r.category.name)
            raw(",\"deadline_hours\":")
            if let hours = r.deadlineHours { number(hours) } else { raw("null") }
            raw("},\"platform\":"); platform(r.routing.platform, withLead: true)
            raw(",\"office\":")
            optionalString(r.routing.office)
            raw(",\"assisting\":[")
            for (i, p) in r.routing.assisting.enumerated() {
                if i > 0 { raw(",") }
                platform(p, withLead: false)
            }
            raw("],\"routing\":{\"model\":"); string(r.model)
            raw(",\"rule\":"); string(r.routing.ruleCategory)
            raw(",\"place\":"); string(r.routing.place.description)
            raw(",\"note\":")
            optionalString(r.routing.note)
            raw("}")
        }
    }

    mutating func platform(_ p: Platform, withLead: Bool) {
        raw("{\"code\":"); string(p.code); raw(",\"name\":"); string(p.name)
        if withLead { raw(",\"lead\":"); string(p.lead) }
        raw("}")
    }
}

extension TaxonomyRouter.Place: CustomStringConvertible {
    /// "everywhere", "village 331102102222", "grid 331102102001001".
    public var description: String {
        switch self {
        case .everywhere: "everywhere"
        case .village(let code): "village \(code)"
        case .grid(let code): "grid \(code)"
        }
    }
}
