extension AccessScope {
    /// True when the event lies inside.
    public func covers(_ event: EventRecord) -> Bool { covers(town: event.townCode, village: event.villageCode) }

    /// Refuses (``ScopeError``) an event to be reported where this scope does not reach.
    public func check(_ located: LocatedEvent) throws(ScopeError) {
        guard covers(town: located.resolution.town?.code, village: located.resolution.village?.code) else {
            throw ScopeError(scope: self, what: "the event's place (\(located.resolution.town?.name ?? "outside every town"))")
        }
    }

    /// `query` narrowed to this scope; nil when it asks for a town or village outside it (nothing can match).
    public func narrowing(_ query: EventQuery) -> EventQuery? {
        var query = query
        switch self {
        case .everywhere: break
        case .town(let code):
            if let town = query.town, town != code { return nil }
            query.town = code
        case .village(let code):
            if let village = query.village, village != code { return nil }
            query.village = code
        }
        return query
    }
}
