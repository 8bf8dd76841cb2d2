import GridMapGeometry

/// What a triage decision (研判) corrects in a stored event: its category, its place (a corrected
/// coordinate or grid) and where it goes; with each changed field's before → after for the history.
public struct EventCorrection: Sendable {
    public var eventID: Int64
    public var category: String
    public var input: Coordinate
    public var crs: String
    public var point: Coordinate
    public var gridCode: String?
    public var villageCode: String?
    public var townCode: String?
    public var reportedAt: Instant
    public var routing: RecordedRouting
    /// The people of the place, as located again; nil when neither category nor place was corrected.
    public var people: [Person]?
    public var deadlineAt: Instant?
    /// `类别 a → b`, `坐标 …`, `网格 x → y`, `平台 P → Q`, `单位 o → p`: what changed, in that order
    /// (the village, town, deadline and people follow the place and category).
    public var changes: [String]
    /// The override's reason, when the routing was overridden.
    public var reason: String?

    /// `event` as `relocated` (the event located and routed again at its corrected category or
    /// place, nil when neither was corrected) and `override` (in the new town's `platforms`)
    /// leave it, recorded as `actor`'s; ``TriageError/nothingChanged`` when nothing changes.
    public init(_ event: EventRecord, relocated: LocatedEvent?, override: RoutingOverride?, platforms: [Platform],
                actor: String) throws(TriageError) {
        eventID = event.id
        reportedAt = event.reportedAt
        if let relocated {
            category = relocated.report.category
            input = relocated.report.coordinate
            crs = relocated.report.crs.rawValue
            point = relocated.point
            gridCode = relocated.resolution.grid?.code
            villageCode = relocated.resolution.village?.code
            townCode = relocated.resolution.town?.code
            routing = RecordedRouting(relocated.routed)
            people = relocated.people
            deadlineAt = relocated.deadline
        } else {
            category = event.category
            input = event.input
            crs = event.crs
            point = event.point
            gridCode = event.gridCode
            villageCode = event.villageCode
            townCode = event.townCode
            routing = event.routing
            people = nil
            deadlineAt = event.deadlineAt
        }
        if let override { routing = try routing.overridden(override, by: actor, platforms: platforms) }
        func change(_ label: String, _ before: String?, _ after: String?) -> String? {
            before == after ? nil : "\(label) \(before ?? "无") → \(after ?? "无")"
        }
        changes = [
            change("类别", event.category, category),
            event.input == input && event.crs == crs ? nil : "坐标 \(event.input.x),\(event.input.y) → \(input.x),\(input.y)",
            change("网格", event.gridCode, gridCode),
            change("平台", event.routing.platform.name, routing.platform.name),
            change("单位", event.routing.office, routing.office),
        ].compactMap { $0 }
        if changes.isEmpty { throw .nothingChanged }
        reason = override == nil ? nil : routing.overrideReason
    }

    /// The changes, then the override's reason: what the history row says.
    public var summary: String { (changes + [reason.map { "改派理由 \($0)" }].compactMap { $0 }).joined(separator: "; ") }
}
