/// What storing a reported event came to: a new event, or a county assignment delivered again.
public struct EventIntake: Sendable, Equatable {
    public var id: Int64
    /// False when the same assignment (same `external_id`, same body) was stored already: nothing changed.
    public var created: Bool

    public init(id: Int64, created: Bool) {
        self.id = id
        self.created = created
    }
}
