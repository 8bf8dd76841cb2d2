/// Where an event entered GridMap: reported in the town, or handed down by the county (上级交办).
public enum EventOrigin: String, CaseIterable, Codable, Sendable {
    /// Reported to the town's command room (grid members, 12345, apps, patrols).
    case local
    /// Assigned by the county's 社会治理中心, under the county's `external_id` and often its deadline.
    case county

    public var name: String {
        switch self {
        case .local: "本级受理"
        case .county: "上级交办"
        }
    }
}
