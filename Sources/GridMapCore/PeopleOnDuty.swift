/// Who answers for a grid or village: per role the primary (A post), or the backup (B post)
/// while the primary is absent; when both are absent, the primary still answers for it.
public struct PeopleOnDuty: Sendable {
    private let byUnit: [String: [Person]]

    public init(_ people: [Person]) {
        byUnit = Dictionary(grouping: people, by: \.unitCode)
    }

    /// The people on duty for a unit, one per role that has any.
    public func people(of unit: AdminUnit?) -> [Person] {
        let all = unit.flatMap { byUnit[$0.code] } ?? []
        return PersonRole.allCases.compactMap { role in
            let holders = all.filter { $0.role == role }
            return holders.first { $0.post == .a && !$0.absent } ?? holders.first { $0.post == .b && !$0.absent }
                ?? holders.first { $0.post == .a } ?? holders.first
        }
    }
}
