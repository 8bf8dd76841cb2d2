extension Taxonomy {
    /// What is wrong with the taxonomy on its own: duplicate or dangling codes, parent cycles,
    /// offices a platform does not have, conflicting rules, categories no rule routes. Village and
    /// grid codes of spatial overrides are checked against the dataset at import.
    public func problems() -> [String] {
        var problems: [String] = []
        let platformByCode = Dictionary(platforms.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let categoryByCode = Dictionary(categories.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        problems += duplicates(platforms.map(\.code)).map { "platform code \($0) appears more than once" }
        problems += supervision?.problems ?? []
        problems += duplicates(categories.map(\.code)).map { "category code \($0) appears more than once" }
        for category in categories {
            if let parent = category.parent, categoryByCode[parent] == nil {
                problems.append("category \(category.code): parent \(parent) is not a category")
            }
            if let hours = category.deadlineHours, hours <= 0 {
                problems.append("category \(category.code): deadline_hours must be positive")
            }
        }
        for category in categories where ancestors(of: category.code, in: categoryByCode) == nil {
            problems.append("category \(category.code): its parents form a cycle")
        }
        for (i, route) in routes.enumerated() {
            let rule = "routes[\(i)] (\(route.category))"
            if categoryByCode[route.category] == nil { problems.append("\(rule): category \(route.category) is not a category") }
            guard let platform = platformByCode[route.platform] else {
                problems.append("\(rule): platform \(route.platform) is not a platform")
                continue
            }
            if let office = route.office, !platform.offices.contains(office) {
                problems.append("\(rule): office \(office) is not one of \(platform.name)'s offices (\(platform.offices.joined(separator: ", ")))")
            }
            for other in route.assisting ?? [] where platformByCode[other] == nil || other == route.platform {
                problems.append("\(rule): assisting platform \(other) is \(other == route.platform ? "the lead platform" : "not a platform")")
            }
            if route.villages != nil && route.grids != nil {
                problems.append("\(rule): an override names villages or grids, not both")
            }
            if route.villages?.isEmpty == true || route.grids?.isEmpty == true {
                problems.append("\(rule): an override's villages or grids must not be empty")
            }
        }
        for scope in duplicates(routes.flatMap(\.scopeKeys)) {
            problems.append("more than one rule routes \(scope)")
        }
        let general = Set(routes.filter { $0.villages == nil && $0.grids == nil }.map(\.category))
        for category in categories {
            let chain = ancestors(of: category.code, in: categoryByCode) ?? []
            if !chain.contains(where: general.contains) {
                problems.append("category \(category.code): no rule routes it (nor any of its parents) outside overrides")
            }
        }
        return problems
    }

    /// The category and its ancestors, nearest first; nil when the parents form a cycle.
    func ancestors(of code: String, in categoryByCode: [String: EventCategory]) -> [String]? {
        var chain: [String] = []
        var next: String? = code
        while let current = next {
            if chain.contains(current) { return nil }
            chain.append(current)
            next = categoryByCode[current]?.parent
        }
        return chain
    }

    private func duplicates(_ values: [String]) -> [String] {
        var seen = Set<String>(), reported = Set<String>()
        return values.filter { !seen.insert($0).inserted && reported.insert($0).inserted }
    }
}

extension Route {
    /// "category in scope" keys: two rules with a common key conflict.
    var scopeKeys: [String] {
        if let villages { return villages.map { "\(category) in village \($0)" } }
        if let grids { return grids.map { "\(category) in grid \($0)" } }
        return ["\(category) (general rule)"]
    }
}
