import Foundation

/// The command room's override of where an event goes (研判): another lead platform, office or
/// both than the rules chose, with the reason.
public struct RoutingOverride: Sendable, Equatable {
    public var platform: String?
    public var office: String?
    public var reason: String

    public init(platform: String?, office: String?, reason: String) {
        self.platform = platform
        self.office = office
        self.reason = reason
    }
}

extension RecordedRouting {
    /// `self` led by the override's platform and office in `platforms` (the town's model),
    /// recorded as `actor`'s: a platform alone is led by its first office; an office alone by
    /// the event's platform when that lists it, else the first listing it; the new lead platform
    /// leaves the assisting ones.
    public func overridden(_ o: RoutingOverride, by actor: String, platforms: [Platform]) throws(TriageError) -> RecordedRouting {
        let reason = o.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        // An office alone keeps the event's platform when that lists it, else takes the first listing it.
        let listing = o.office.flatMap { office in
            platforms.first { $0.code == self.platform.code && $0.offices.contains(office) } ?? platforms.first { $0.offices.contains(office) }
        }
        guard let code = o.platform ?? listing?.code else {
            throw .unknownOffice(o.office ?? "", platform: nil, known: platforms.flatMap(\.offices))
        }
        guard let platform = platforms.first(where: { $0.code == code }) else { throw .unknownPlatform(code, known: platforms.map(\.code)) }
        if let office = o.office, !platform.offices.contains(office) {
            throw .unknownOffice(office, platform: platform.code, known: platform.offices)
        }
        var routing = self
        routing.platform = Name(code: platform.code, name: platform.name)
        routing.lead = platform.lead
        routing.office = o.office ?? platform.offices.first
        routing.assisting.removeAll { $0.code == platform.code }
        routing.overriddenBy = actor
        routing.overrideReason = reason
        return routing
    }
}
