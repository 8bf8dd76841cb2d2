import GridMapGeometry

/// A registered receiver of the outbox (`POST /v1/hooks`): each change after its registration
/// whose topic it asked for, in its town (or everywhere), is POSTed to `url` in its channel's
/// format, signed with `secret`, in outbox order.
public struct Hook: Sendable, Equatable {
    public var id: Int64
    public var url: String
    /// The HMAC key of `X-GridMap-Signature`; never shown again after registration.
    public var secret: String
    public var topics: [OutboxTopic]
    /// A town's code: only that town's events; nil: every town.
    public var town: String?
    public var channel: HookChannel
    /// The last outbox id handled (delivered, dead-lettered, or not for this hook).
    public var cursor: Int64
    public var createdAt: Instant
    public var createdBy: String

    public init(id: Int64, url: String, secret: String, topics: [OutboxTopic], town: String?, channel: HookChannel,
                cursor: Int64, createdAt: Instant, createdBy: String) {
        self.id = id
        self.url = url
        self.secret = secret
        self.topics = topics
        self.town = town
        self.channel = channel
        self.cursor = cursor
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// Whether the change `topic` to an event placed in `town` is for this hook.
    public func wants(_ topic: OutboxTopic, town eventTown: String?) -> Bool {
        topics.contains(topic) && (town == nil || town == eventTown)
    }

    /// What a delivery may show: the hook's town, personal fields of the reported masked (a
    /// receiver is a system, not a person signed in); the people it notifies are named in full.
    public var viewer: Viewer { Viewer(scope: town.map(AccessScope.town) ?? .everywhere, seesPersonal: false) }
}
