import GRDB
@testable import GridMapSpatiaLite

extension SpatiaLiteStore {
    /// GRDB's synchronous read, for async tests (which would pick its async overload).
    func syncRead<T>(_ body: (Database) throws -> T) throws -> T { try pool.read(body) }
}
