import GridMapCore

extension AccessRequestContext {
    /// The path's event (`{id}`) with its history as this caller may read it, what it shows noted
    /// for the read audit: 404 `unknown_event` when there is none or it lies outside the caller's
    /// scope (its existence is not told).
    func readEvent(from store: any EventRepository) throws -> EventRecord {
        let id = try parameters.id("id", what: "an event")
        guard let event = try store.event(id), scope.covers(event) else {
            throw APIError(.notFound, "unknown_event", EventError.notFound(id).description)
        }
        audit.disclosed(events: [event], to: viewer)
        return event
    }
}
