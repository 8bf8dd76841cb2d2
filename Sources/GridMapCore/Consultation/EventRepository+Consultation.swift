extension EventRepository {
    /// Records a consultation (研判会商, ``Consultation``) on event `id`, with a history row; when
    /// it dispatches, the event is re-routed to the decided lead office if the rules chose
    /// another (the row lists the change), triaged if it was not, and dispatched giving the
    /// decided offices their tasks. One transaction; returns the event and the consultation's id.
    public func consult(_ id: Int64, _ request: ConsultationRequest, actor: String, at now: Instant,
                        within scope: AccessScope = .everywhere) throws -> (event: EventRecord, consultation: Int64) {
        try updateEvents { transaction in
            var event = try transaction.event(id, within: scope)
            let platforms = try event.townCode.map(transaction.platforms(town:)) ?? []
            let consultation = try Consultation(event, request, platforms: platforms, actor: actor, at: now)
            var note = "研判会商: \(consultation.decision)"
            let ruled = event.routing.office ?? platforms.first { $0.code == event.routing.platform.code }?.offices.first
            if request.dispatch, let lead = consultation.leadOffice, lead != ruled {
                let correction = try EventCorrection(event, relocated: nil, override: RoutingOverride(platform: nil, office: lead, reason: note),
                                                     platforms: platforms, actor: actor)
                note += "; " + correction.changes.joined(separator: "; ")
                try transaction.apply(correction)
            }
            let stored = try transaction.record(consultation, note: note)
            guard request.dispatch else { return (try transaction.event(id)!, stored) }
            event = try transaction.event(id)!
            if event.status != .triaged {
                try transaction.move(event, to: .triaged, actor: actor, note: "研判会商", at: now)
                event = try transaction.event(id)!
            }
            let tasks = TaskAssignment.decided(event, lead: consultation.leadOffice, assisting: consultation.assistingOffices,
                                               deadline: consultation.deadlineAt, note: consultation.decision, actor: actor, at: now)
            try transaction.move(event, to: .dispatched, actor: actor, note: "研判会商决定派遣", at: now, giving: tasks)
            return (try transaction.event(id)!, stored)
        }
    }
}
