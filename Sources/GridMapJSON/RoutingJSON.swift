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
            key("category")
            object { json in
                json.key("code"); json.string(r.category.code)
                json.key("name"); json.string(r.category.name)
                json.key("deadline_hours"); json.optionalNumber(r.deadlineHours)
            }
            key("platform"); platform(r.routing.platform, withLead: true)
            key("office"); optionalString(r.routing.office)
            key("assisting"); array(r.routing.assisting) { $0.platform($1, withLead: false) }
            key("routing")
            object { json in
                json.key("model"); json.string(r.model)
                json.key("rule"); json.string(r.routing.ruleCategory)
                json.key("place"); json.string(r.routing.place.description)
                json.key("note"); json.optionalString(r.routing.note)
            }
        }
    }

    /// A platform, `{"code":…,"name":…}`, with its lead (`"lead"`) and its offices (`"offices"`)
    /// when asked: the one platform shape of every answer.
    public mutating func platform(_ p: Platform, withLead: Bool, withOffices: Bool = false) {
        object { json in
            json.key("code"); json.string(p.code)
            json.key("name"); json.string(p.name)
            if withLead { json.key("lead"); json.string(p.lead) }
            if withOffices { json.key("offices"); json.array(p.offices) }
        }
    }
}
