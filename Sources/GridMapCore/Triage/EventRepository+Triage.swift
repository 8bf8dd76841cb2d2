extension EventRepository {
    /// Triages event `id` (the move to triaged, ``EventStatusChange``) with the command room's
    /// corrections (``EventCorrection``): `relocated` when its category or place was corrected,
    /// `override` when the platform or office was overridden. One transaction; the history row
    /// of the move lists each change before → after. ``ScopeError`` for an event, or a corrected
    /// place, outside `scope`.
    public func triage(_ id: Int64, relocated: LocatedEvent?, override: RoutingOverride?, actor: String, note: String?,
                       at now: Instant, within scope: AccessScope = .everywhere) throws -> EventRecord {
        try updateEvents { transaction in
            let event = try transaction.event(id, within: scope)
            guard event.status.allowedNext.contains(.triaged) else { throw EventError.illegalTransition(from: event.status, to: .triaged) }
            if let relocated { try scope.check(relocated) }
            let town = relocated?.resolution.town?.code ?? event.townCode
            let correction = try EventCorrection(event, relocated: relocated, override: override,
                                                 platforms: try town.map(transaction.platforms(town:)) ?? [], actor: actor)
            let summary = "研判更正: " + correction.summary
            try transaction.move(event, to: .triaged, actor: actor, note: [note, summary].compactMap { $0 }.joined(separator: "; "), at: now)
            try transaction.apply(correction)
            return try transaction.event(id)!
        }
    }
}
