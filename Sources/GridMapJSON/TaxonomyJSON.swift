import GridMapCore

/// `GET /v1/platforms` and `GET /v1/categories`: `{"towns":[{"town":{…},"model":…,"name":…,<list>}]}`,
/// the platform model of each town that has one.
public enum TaxonomyJSON {
    /// What each town's entry lists.
    public enum Listing: Sendable {
        /// Its platforms, with their lead and offices.
        case platforms
        /// Its categories, with parent, effective deadline, and the platform and office they go to
        /// outside any village's or grid's override.
        case categories
    }

    /// The answer for `towns`, each with `listing` of its model (towns without one are left out).
    public static func towns(_ towns: [AdminUnit], routers: [String: TaxonomyRouter], listing: Listing) -> JSONWriter {
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.key("towns")
            json.array(towns.compactMap { town in routers[town.code].map { (town, $0) } }) { json, entry in
                let (town, router) = entry
                json.object { json in
                    json.key("town"); json.object { json in json.key("code"); json.string(town.code); json.key("name"); json.string(town.name) }
                    json.key("model"); json.string(router.taxonomy.model)
                    json.key("name"); json.string(router.taxonomy.name)
                    switch listing {
                    case .platforms:
                        json.key("platforms"); json.array(router.taxonomy.platforms) { $0.platform($1, withLead: true, withOffices: true) }
                        json.key("supervision"); json.supervisionPolicy(router.taxonomy.supervision ?? .defaults)
                    case .categories:
                        json.key("categories"); json.array(router.taxonomy.categories) { json, category in json.category(category, in: router) }
                    }
                }
            }
        }
        return json
    }
}

extension JSONWriter {
    /// A model's 督办 rules, the defaults filled in.
    mutating func supervisionPolicy(_ p: SupervisionPolicy) {
        object { json in
            json.key("triage_hours"); json.number(p.triageHours)
            json.key("acceptance_hours"); json.number(p.acceptanceHours)
            json.key("handling_hours"); json.optionalNumber(p.handlingHours)
            json.key("warning"); json.number(p.warning)
            json.key("escalate_after_hours"); json.number(p.escalateAfterHours)
        }
    }

    mutating func category(_ c: EventCategory, in router: TaxonomyRouter) {
        object { json in
            json.key("code"); json.string(c.code)
            json.key("name"); json.string(c.name)
            json.key("parent"); json.optionalString(c.parent)
            json.key("deadline_hours"); json.optionalNumber(router.deadlineHours(of: c.code))
            if let routing = router.route(category: c.code, grid: nil, village: nil) {
                json.key("platform"); json.platform(routing.platform, withLead: false)
                json.key("office"); json.optionalString(routing.office)
            }
        }
    }
}
