import GridMapGeometry

/// Filters for listing events; nil fields do not filter.
public struct EventQuery: Sendable {
    public var bbox: BoundingBox?
    /// Reported at or after `from`, before `to` (normalised ISO 8601).
    public var from: String?
    public var to: String?
    public var status: EventStatus?
    public var category: String?
    public var platform: String?
    public var grid: String?
    public var village: String?
    public var town: String?
    /// Only events past their deadline and not handled, at `now`.
    public var overdueAt: String?
    /// Events with ids above this (the page cursor).
    public var after: Int64 = 0
    /// The box holds a large share of the events: pages then scan events in id order, reading
    /// `limit / share` rows, rather than sorting every event the place index finds in the box.
    public var boxIsDense = false
    public var limit = 100

    public init() {}
}

/// An event reported over HTTP with an `external_id` that a stored event has.
public struct DuplicateEventError: Error, Sendable, Equatable {
    public var externalID: String
    /// The stored event.
    public var id: Int64

    public init(externalID: String, id: Int64) {
        self.externalID = externalID
        self.id = id
    }
}
