/// A person responsible for an event's place, as recorded with the event (the people on duty
/// then, AB岗 applied).
public struct RecordedPerson: Sendable, Equatable, Decodable {
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

    enum CodingKeys: String, CodingKey { case role, name, phone, unit, post }

    /// Reads every stored shape: before AB岗 (schema v4) people were recorded without a post,
    /// and held post A.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        role = try c.decode(PersonRole.self, forKey: .role)
        name = try c.decode(String.self, forKey: .name)
        phone = try c.decode(String.self, forKey: .phone)
        unit = try c.decode(String.self, forKey: .unit)
        post = try c.decodeIfPresent(Post.self, forKey: .post) ?? .a
    }
}
