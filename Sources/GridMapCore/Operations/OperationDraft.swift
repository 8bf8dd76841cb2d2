/// A joint operation as the command room records it, before its area is resolved.
public struct OperationDraft: Sendable, Equatable {
    public var title: String
    public var offices: [String]
    public var area: OperationArea
    public var start: Instant
    public var end: Instant
    public var events: [Int64]
    public var outcome: String?
    public var notes: String?

    public init(title: String, offices: [String], area: OperationArea, start: Instant, end: Instant, events: [Int64],
                outcome: String?, notes: String?) {
        self.title = title
        self.offices = offices
        self.area = area
        self.start = start
        self.end = end
        self.events = events
        self.outcome = outcome
        self.notes = notes
    }

    /// The operation over `snapshot` (the boundaries valid at its start): its area resolved to
    /// grids, which must lie in `scope`; at least two distinct offices, each one of the platforms'
    /// offices of the grids' towns; the period in order.
    public func resolved(in snapshot: AdminSnapshot, within scope: AccessScope, by actor: String, at now: Instant) throws -> JointOperation {
        guard end >= start else { throw OperationError.endBeforeStart }
        let offices = uniqueInOrder(offices)
        guard offices.count >= 2 else { throw OperationError.noOffices }
        let (grids, outline) = try area.resolve(in: snapshot)
        let villages = Dictionary(snapshot.villages.map { ($0.unit.code, $0.unit.parentCode) }) { first, _ in first }
        let towns = Set(grids.compactMap { grid in grid.unit.parentCode.flatMap { villages[$0] ?? nil } })
        for grid in grids {
            let village = grid.unit.parentCode, town = village.flatMap { villages[$0] ?? nil }
            guard scope.covers(town: town, village: village) else { throw ScopeError(scope: scope, what: "grid \(grid.unit.code)") }
        }
        let known = Set(towns.flatMap { snapshot.taxonomies[$0]?.platforms.flatMap(\.offices) ?? [] })
        if let unknown = offices.first(where: { !known.contains($0) }) { throw OperationError.unknownOffice(unknown) }
        let villageCodes: [String] = if case .villages(let codes) = area { codes } else { [] }
        return JointOperation(title: title, town: towns.count == 1 ? towns.first : nil, offices: offices, areaKind: area.kind,
                              villages: villageCodes, grids: grids.map(\.unit.code).sorted(), area: outline, start: start, end: end,
                              events: uniqueInOrder(events), outcome: outcome, notes: notes, recordedBy: actor, recordedAt: now)
    }
}

/// The elements of `list` without repeats, in their first order.
private func uniqueInOrder<T: Hashable>(_ list: [T]) -> [T] {
    var seen = Set<T>()
    return list.filter { seen.insert($0).inserted }
}
