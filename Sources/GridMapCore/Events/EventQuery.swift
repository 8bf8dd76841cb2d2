import GridMapGeometry

/// Filters for listing events; nil fields do not filter.
public struct EventQuery: Sendable {
    public var bbox: BoundingBox?
    /// Reported at or after `from`, before `to`.
    public var from: Instant?
    public var to: Instant?
    public var status: EventStatus?
    public var category: String?
    public var platform: String?
    public var grid: String?
    public var village: String?
    public var town: String?
    /// Only events past their deadline and not handled, at `now`.
    public var overdueAt: Instant?
    /// Only unclosed events showing this light at that time (``SupervisionLight/of(_:window:overall:at:)``).
    public var light: (SupervisionLight, Instant)?
    /// Events with ids above this (the page cursor).
    public var after: Int64 = 0
    /// The box holds a large share of the events: pages then scan events in id order, reading
    /// `limit / share` rows, rather than sorting every event the place index finds in the box.
    public var boxIsDense = false
    public var limit = 100

    public init() {}
}

/// An event reported over HTTP with an `external_id` that a stored event has.
public struct DuplicateEventError: CodedError, Sendable, Equatable {
    public var externalID: String
    /// The stored event.
    public var id: Int64

    public init(externalID: String, id: Int64) {
        self.externalID = externalID
        self.id = id
    }

    public var description: String { "external_id \(TextIdentifier.quoted(externalID)) is event \(id) already" }
    public var errorCode: String { "duplicate_event" }
    public var failureKind: FailureKind { .conflict }
}
