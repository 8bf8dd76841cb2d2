import GridMapCore

extension EventRepository {
    /// Event `id` with its history, as `scope` may read it: 404 `unknown_event` when there is
    /// none or it lies outside the scope (its existence is not told).
    func visibleEvent(_ id: Int64, in scope: AccessScope) throws -> EventRecord {
        guard let event = try event(id), scope.covers(event) else {
            throw APIError(.notFound, "unknown_event", EventError.notFound(id).description)
        }
        return event
    }
}
