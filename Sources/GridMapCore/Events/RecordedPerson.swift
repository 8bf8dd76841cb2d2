/// A person responsible for an event's place, as recorded with the event (the people on duty
/// then, AB岗 applied).
public struct RecordedPerson: Sendable, Equatable, Codable {
    public var role: PersonRole
    public var name: String
    public var phone: String
    /// The grid or village the person was attached to.
    public var unit: String
    public var post: Post

    public init(_ person: Person) {
        role = person.role
        name = person.name
        phone = person.phone
        unit = person.unitCode
        post = person.post
    }
}
