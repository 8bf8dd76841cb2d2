extension AccessScope {
    /// Refuses (``ScopeError``) fixes of a member who is not one of this scope's people: a scoped
    /// caller uploads the patrols of the grid members (and village staff) it is responsible for,
    /// matched by the member identifier being their phone number in `snapshot`. An identifier that
    /// matches nobody cannot be placed, so only the unscoped may upload it.
    public func check(members: some Sequence<String>, in snapshot: AdminSnapshot) throws(ScopeError) {
        guard self != .everywhere else { return }
        let people = Dictionary(grouping: snapshot.people, by: \.phone)
        for member in Set(members).sorted() {
            let placed = people[member, default: []].contains { covers(unit: $0.unitCode, level: $0.role.attachedTo, in: snapshot) }
            guard placed else { throw ScopeError(scope: self, what: "the patrol of member \(member)") }
        }
    }
}
