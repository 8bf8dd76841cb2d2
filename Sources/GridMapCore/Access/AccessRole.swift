/// What a person's account or a bearer token may do: one role each.
public enum AccessRole: String, CaseIterable, Codable, Sendable {
    /// Redraws grid boundaries (规划): boundary edits and their previews.
    case planner
    /// The command room (指挥室): receives, routes and follows events, marks people absent, uploads patrols.
    case dispatcher
    /// County GIS staff: read and export.
    case gis
    /// Everything, including what no other role may do (tokens, settings).
    case admin
    /// The town's leaders (镇领导): read everything of their town, people included.
    case leader
    /// The county (县级, 社会治理中心): reads every town, personal data masked; hands events down
    /// (上级交办) and answers the towns' escalations (上报).
    case county

    /// What the role may do:
    ///
    /// | role | read | resolve | view_personal | manage_events | supervise | approve | link_county | upload_patrols | edit_boundaries | export | administer |
    /// |---|:-:|:-:|:-:|:-:|:-:|:-:|:-:|:-:|:-:|:-:|:-:|
    /// | planner | ✓ | ✓ | | | | | | | ✓ | | |
    /// | dispatcher | ✓ | ✓ | ✓ | ✓ | ✓ | | | ✓ | | | |
    /// | gis | ✓ | ✓ | | | | | | | | ✓ | |
    /// | leader | ✓ | ✓ | ✓ | | ✓ | ✓ | | | | | |
    /// | county | ✓ | ✓ | | | | | ✓ | | | ✓ | |
    /// | admin | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
    ///
    /// Patrol uploads and people's absences are the command room's work, so they belong to
    /// dispatchers; planners change boundaries but not events. Who sees names, phones and
    /// descriptions unmasked is the 保密管理 rule: the command room, the town's leaders, admins.
    /// 督办 is the command room's and the leaders' (督导权); 领导督办, 延期 and 挂账 are approved by
    /// leaders, who do not move events themselves.
    public var permissions: Set<Permission> {
        switch self {
        case .planner: [.read, .resolve, .editBoundaries]
        case .dispatcher: [.read, .resolve, .viewPersonal, .manageEvents, .supervise, .uploadPatrols]
        case .gis: [.read, .resolve, .export]
        case .leader: [.read, .resolve, .viewPersonal, .supervise, .approve]
        case .county: [.read, .resolve, .linkCounty, .export]
        case .admin: Set(Permission.allCases)
        }
    }

    /// Whether the role holds `permission`: a table lookup (every request asks, several times).
    public func may(_ permission: Permission) -> Bool { Self.held[self]?.contains(permission) ?? false }

    private static let held: [AccessRole: Set<Permission>] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.permissions) })
}

/// Something a request may need to be allowed.
public enum Permission: String, CaseIterable, Codable, Sendable {
    /// Any GET: boundaries, events, statistics, density, tiles, coverage.
    case read
    /// Bulk resolution (`POST /v1/resolve`): a read, but a heavy one.
    case resolve
    /// See people's names and phones, reporters and descriptions unmasked (保密管理); not a
    /// route's permission but what its answers show.
    case viewPersonal = "view_personal"
    /// Report events, move them through the loop, mark people absent or back.
    case manageEvents = "manage_events"
    /// Issue 督办 on events.
    case supervise
    /// A leader's decisions: 领导督办, approving or refusing 延期, 挂账.
    case approve
    /// The county's part of the loop: hand events down to a town (上级交办, `origin: county`) and
    /// answer its escalations (上报: send them back or close them).
    case linkCounty = "link_county"
    /// Upload patrol tracks.
    case uploadPatrols = "upload_patrols"
    /// Preview and commit boundary edits.
    case editBoundaries = "edit_boundaries"
    /// Export data for county GIS.
    case export
    /// Anything no other permission names.
    case administer

    /// Reads change nothing; a server may serve them without a token (`AccessPolicy.publicReads`).
    public var isRead: Bool { self == .read || self == .resolve }

    /// The roles holding this permission.
    public var roles: [AccessRole] { AccessRole.allCases.filter { $0.may(self) } }
}
