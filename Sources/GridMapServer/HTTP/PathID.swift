import Hummingbird

extension Parameters {
    /// The positive integer id in path parameter `name` (`:id`, `:task`); 400 `invalid_id` naming
    /// `what` otherwise.
    func id(_ name: String, what: String) throws -> Int64 {
        guard let text = get(name), let id = Int64(text), id > 0 else {
            throw APIError.badRequest("invalid_id", "\(what) id is a positive integer")
        }
        return id
    }
}
